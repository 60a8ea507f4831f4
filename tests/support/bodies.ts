/**
 * Valid request bodies for tests, one per record kind; override any field. Shared by unit and
 * integration tests (unit tests import nothing from tests/integration).
 */

/** A valid demand for tests; override any field. */
export const demandBody = (overrides: Record<string, unknown> = {}) => ({
  ref: 'YQ-001',
  employer: '延庆区低空物流有限公司',
  title: '无人机驾驶员',
  description: '负责物流无人机的日常飞行与维护',
  requiredSkills: ['多旋翼无人机驾驶', { skill: '无人机维修', level: 2 }],
  preferredSkills: ['航拍'],
  region: '北京市延庆区',
  headcount: 3,
  salaryMin: 6000,
  salaryMax: 9000,
  ...overrides,
});

/** A valid learner for tests; override any field. */
export const learnerBody = (overrides: Record<string, unknown> = {}) => ({
  ref: 'me',
  summary: '退役军人，会开无人机，有CAAC执照',
  skills: ['熟练操作多旋翼无人机', 'Excel'],
  certificates: ['CAAC多旋翼视距内驾驶员'],
  region: '110119',
  group: 'veteran',
  consentToShare: true,
  ...overrides,
});

/** A valid course for tests; override any field. */
export const courseBody = (overrides: Record<string, unknown> = {}) => ({
  ref: 'C-UAV-1',
  title: '多旋翼无人机驾驶员（视距内）培训',
  description: '理论与实操，考取CAAC执照',
  skillsTaught: ['多旋翼无人机驾驶'],
  level: 'elementary',
  hours: 80,
  mode: 'blended',
  provider: '北京低空职业技能培训中心',
  region: '110000',
  certificate: 'CAAC多旋翼视距内驾驶员',
  subsidyYuan: 1500,
  priceYuan: 4800,
  seats: 30,
  ...overrides,
});
