/** Word banks for the seeds: plausible workplace names and chatter, invented for the sandbox. */

export const PEOPLE = [
  'Priya Raman',
  'Jonas Becker',
  'Amara Okafor',
  'Lucas Moreau',
  'Mei Tanaka',
  'Diego Alvarez',
  'Hannah Schmidt',
  'Omar Haddad',
  'Sofia Rossi',
  'Ethan Clarke',
  'Aisha Khan',
  'Mateo Silva',
  'Freya Lindqvist',
  'Kwame Mensah',
  'Chloé Dubois',
  'Ravi Iyer',
  'Nora Fischer',
  'Tomás Novak',
  'Leila Farahani',
  'Samuel Cohen',
  'Yuki Sato',
  'Grace Mwangi',
  'Oliver Brandt',
  'Ines Carvalho',
] as const;

export const GROUP_TITLES = [
  'Q3 Launch Crew',
  'Design Review',
  'Release Train',
  'Offsite Planning',
  'Billing Revamp',
  'Security Drills',
  'Hiring Panel – Backend',
  'Customer Escalations',
  'Mobile Guild',
  'Data Platform Sync',
  'Docs Sprint',
  'Pricing Experiments',
] as const;

export const CHANNEL_TITLES = [
  'general',
  'announcements',
  'engineering',
  'support-tier2',
  'random',
  'marketing',
  'incidents',
  'product-feedback',
  'sales-emea',
  'design-crit',
] as const;

export const BOT_NAMES = ['Taskbot', 'Standup Bot', 'Deploy Bot'] as const;

export const THREAD_TITLES = [
  'Rollback plan',
  'Launch checklist questions',
  'Budget follow-up',
  'Flaky test triage',
] as const;

export const FOLDER_PRESETS = [
  { title: 'Urgent', symbol: '🔥' },
  { title: 'Projects', symbol: '📁' },
  { title: 'People', symbol: '👥' },
  { title: 'Read later', symbol: '📌' },
  { title: 'Ops', symbol: '🛠️' },
  { title: 'Clients', symbol: '🤝' },
  { title: 'Ideas', symbol: '💡' },
  { title: 'Archive-ish', symbol: '🗄️' },
] as const;

export const MESSAGE_PHRASES = [
  'Morning! Standup in 10.',
  'Can someone review the release notes before lunch?',
  'Pushed the fix, CI is green now.',
  'Let’s move the sync to Thursday 3pm.',
  'The staging deploy is blocked on the DB migration.',
  'Customer confirmed the issue is gone 🎉',
  'Reminder: expense reports are due Friday.',
  'I’ll take the on-call swap next week.',
  'Here is the doc: https://example.com/specs/q3-roadmap',
  'Does anyone know why the nightly build failed?',
  'Sharing the dashboard numbers for last week.',
  'Great job on the demo yesterday!',
  'Please don’t merge to main until the freeze lifts.',
  'Meeting notes are in the shared folder.',
  'Who owns the billing alerts now?',
  'Coffee? ☕',
  'Rolling back 4.2.1 — error rate is up.',
  'The vendor call moved to 16:30 CET.',
  'Draft proposal attached, comments welcome.',
  'Thanks, that unblocked me.',
] as const;

/** Texts worth pinning: deadlines, links, decisions. */
export const PIN_WORTHY_PHRASES = [
  'Release freeze starts Friday 18:00 UTC.',
  'Runbook: https://example.com/runbooks/payments',
  'Decision: we ship the new onboarding on the 14th.',
  'Wi-Fi for the offsite: OffsiteGuest / pw in the vault',
  'Quarterly goals doc — please read before Monday.',
  'On-call rota for March is final.',
  'Escalation contact for Acme Corp: support lead, ext. 4412',
  'Budget approved: 42k for the pilot.',
] as const;
