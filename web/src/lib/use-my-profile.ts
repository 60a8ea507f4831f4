import { getMyProfile, type MyProfile } from '../api/action.js';
import { useLoad, type Load } from './use-load.js';

/**
 * The signed-in job seeker's own profile (GET /me/profile): `data` is undefined when the account has
 * none yet. Read from the API, never from this browser's storage, so every browser agrees.
 */
export function useMyProfile(): [Load<MyProfile | undefined>, () => void] {
  return useLoad('me', (signal) => getMyProfile(signal).then((answer) => answer?.data));
}
