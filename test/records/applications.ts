// Applications used by the records tests (no test-runner imports: the crash writer child uses it too).
import type { Application } from '../../src/pack/schema-types.ts';

/** 最低生活保障审核 (MZ-001) with every fact and material it needs: accepted. */
export function completeApplication(receivedAt: string, applicant: Partial<Application['applicant']> = {}): Application {
  return {
    item: 'MZ-001',
    intent: 'apply',
    applicant: { type: 'person', name: '张小三', idNumber: '320102199001011234', phone: '13812345678', hukouLocal: true, householdIncomePerCapita: 500, hasDisabilityCert: false, forDependant: false, ...applicant },
    // From 2027 (the pack's announced change, 梧府发〔2026〕31号) a written pledge replaces the income statement.
    materials: ['application', 'id-card', 'authorization', receivedAt >= '2027-01-01' ? 'pledge' : 'income-statement'],
    receivedAt,
  };
}
