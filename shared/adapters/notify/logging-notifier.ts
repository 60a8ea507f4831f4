import type { InboxEvent, Notifier } from '../../ports/inbox.js';

/**
 * The {@link Notifier} used locally and until a real sender (SMS, WeChat, e-mail) is wired: it
 * writes one line per event, with ids and the event type only, never the message or contact details.
 */
export class LoggingNotifier implements Notifier {
  constructor(private readonly log: (message: string, attributes: Record<string, unknown>) => void) {}

  async notify(sub: string, event: InboxEvent): Promise<void> {
    this.log('Notification (logging sender)', { recipient: sub, eventId: event.id, type: event.type });
  }
}
