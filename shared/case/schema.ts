/**
 * The one case schema. Every layer (Dexie store, case archive, CLI manifest, PDF export) reads and
 * writes cases through these types. Bump {@link SCHEMA_VERSION} and add a step to `migrate.ts`
 * whenever a stored shape changes.
 */
import { z } from 'zod';

/** Current version of the stored case shape. */
export const SCHEMA_VERSION = 1;

const nonEmpty = z.string().trim().min(1);

/** Case identifier. */
export const CaseIdSchema = nonEmpty.brand<'CaseId'>();
export type CaseId = z.infer<typeof CaseIdSchema>;
/** Evidence (exhibit) identifier, unique within a case. */
export const EvidenceIdSchema = nonEmpty.brand<'EvidenceId'>();
export type EvidenceId = z.infer<typeof EvidenceIdSchema>;
/** Timeline event identifier. */
export const EventIdSchema = nonEmpty.brand<'EventId'>();
export type EventId = z.infer<typeof EventIdSchema>;
/** Claim identifier. */
export const ClaimIdSchema = nonEmpty.brand<'ClaimId'>();
export type ClaimId = z.infer<typeof ClaimIdSchema>;
/** Demand identifier. */
export const DemandIdSchema = nonEmpty.brand<'DemandId'>();
export type DemandId = z.infer<typeof DemandIdSchema>;
/** Letter identifier. */
export const LetterIdSchema = nonEmpty.brand<'LetterId'>();
export type LetterId = z.infer<typeof LetterIdSchema>;
/** Redaction identifier. */
export const RedactionIdSchema = nonEmpty.brand<'RedactionId'>();
export type RedactionId = z.infer<typeof RedactionIdSchema>;
/** Contact-log entry identifier. */
export const ContactIdSchema = nonEmpty.brand<'ContactId'>();
export type ContactId = z.infer<typeof ContactIdSchema>;

/** Lower-case hex SHA-256 of an original's bytes. */
export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lower-case hex digits').brand<'Sha256'>();
export type Sha256 = z.infer<typeof Sha256Schema>;

export const JurisdictionSchema = z.enum(['TW', 'CN', 'HK']);
/** Where the dispute is handled: Taiwan, mainland China or Hong Kong. */
export type Jurisdiction = z.infer<typeof JurisdictionSchema>;

export const LanguageSchema = z.enum(['zh-TW', 'zh-CN', 'en']);
/** Language of the case's documents and of the UI. */
export type Language = z.infer<typeof LanguageSchema>;

export const EvidenceKindSchema = z.enum(['contract', 'bill', 'sms', 'chat', 'receipt', 'letter', 'photo', 'note', 'other']);
/** What an exhibit is. */
export type EvidenceKind = z.infer<typeof EvidenceKindSchema>;

export const CurrencySchema = z.enum(['TWD', 'CNY', 'HKD', 'USD', 'EUR', 'JPY', 'GBP']);
/** ISO 4217 currency code of an amount. */
export type Currency = z.infer<typeof CurrencySchema>;

/**
 * A date that may be partial: `2024`, `2024-10` or `2024-10-08`. Month and day are range-checked;
 * a full date must exist in the calendar.
 */
export const PartialDateSchema = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD')
  .refine((s) => {
    if (s.length < 10) return true;
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'no such day');
export type PartialDate = z.infer<typeof PartialDateSchema>;

/** Time of day `HH:MM` (24 h). */
export const TimeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');

/** An ISO-8601 instant such as `2024-10-08T06:20:00.000Z`. */
export const InstantSchema = z.iso.datetime({ offset: true });

const optText = z.string().optional();

/** A natural person or their contact details. */
export const PersonSchema = z.object({
  name: z.string().default(''),
  phone: optText,
  email: optText,
  address: optText,
  postcode: optText,
  /** National ID number; redacted from exports when PII redaction is on. */
  idNumber: optText,
});
export type Person = z.infer<typeof PersonSchema>;

/** What the complainant authorised the agent to do (委任書 / 授权委托书). */
export const AuthorisationSchema = z.object({
  matter: optText,
  scope: optText,
  from: PartialDateSchema.optional(),
  until: PartialDateSchema.optional(),
  signedOn: PartialDateSchema.optional(),
});

/** An advocate acting for the complainant. */
export const AgentSchema = PersonSchema.extend({
  relation: z.string().default(''),
  authorisation: AuthorisationSchema.optional(),
});
export type Agent = z.infer<typeof AgentSchema>;

/** The company the complaint is against. */
export const RespondentSchema = z.object({
  name: z.string().default(''),
  address: optText,
  postcode: optText,
  phone: optText,
  email: optText,
  /** TW 統一編號 or CN unified social credit code. */
  taxId: optText,
});
export type Respondent = z.infer<typeof RespondentSchema>;

/** Identifiers of the customer's account with the respondent. */
export const AccountSchema = z.object({
  phone: optText,
  accountNo: optText,
  customerNo: optText,
  contractNo: optText,
  billNos: z.array(z.string()).default([]),
  ticketNos: z.array(z.string()).default([]),
});
export type Account = z.infer<typeof AccountSchema>;

/** A rectangle in image pixels of the oriented image (origin top-left). */
export const BoxSchema = z.object({
  x: z.number().nonnegative(),
  y: z.number().nonnegative(),
  w: z.number().nonnegative(),
  h: z.number().nonnegative(),
});
export type Box = z.infer<typeof BoxSchema>;

/** One recognised word. */
export const OcrWordSchema = z.object({
  text: z.string(),
  confidence: z.number().min(0).max(100),
  box: BoxSchema,
  /** Index of the line the word belongs to within its page. */
  line: z.number().int().nonnegative().optional(),
});
export type OcrWord = z.infer<typeof OcrWordSchema>;

/** OCR or embedded text of one page of an exhibit. */
export const OcrPageSchema = z.object({
  page: z.number().int().positive(),
  width: z.number().positive(),
  height: z.number().positive(),
  text: z.string(),
  confidence: z.number().min(0).max(100),
  words: z.array(OcrWordSchema).default([]),
  /** `ocr` when recognised from pixels, `embedded` when a digital PDF carried the text. */
  source: z.enum(['ocr', 'embedded', 'typed']).default('ocr'),
});
export type OcrPage = z.infer<typeof OcrPageSchema>;

/** State of an exhibit's text recognition. */
export const OcrStatusSchema = z.enum(['none', 'queued', 'running', 'done', 'failed', 'cancelled']);

export const OcrResultSchema = z.object({
  status: OcrStatusSchema,
  /** tesseract language string, e.g. `chi_tra+eng`. */
  lang: z.string().default(''),
  pages: z.array(OcrPageSchema).default([]),
  /** Machine text as recognised (all pages, joined). */
  rawText: z.string().default(''),
  /** The user's corrected text; when absent the raw text stands. */
  correctedText: z.string().optional(),
  confidence: z.number().min(0).max(100).default(0),
  error: optText,
  finishedAt: InstantSchema.optional(),
});
export type OcrResult = z.infer<typeof OcrResultSchema>;

/** A character range in an exhibit's text. */
export const SpanSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});

/** An exhibit: the original stays untouched in the original-bytes store, addressed by its hash. */
export const EvidenceSchema = z.object({
  id: EvidenceIdSchema,
  title: z.string().default(''),
  kind: EvidenceKindSchema.default('other'),
  /** The file name the user imported (or `pasted.txt` for pasted text). */
  fileName: z.string().default(''),
  mimeType: z.string().default('application/octet-stream'),
  size: z.number().int().nonnegative().default(0),
  sha256: Sha256Schema.optional(),
  importedAt: InstantSchema.optional(),
  /** Date of the document itself (user-editable; defaults from EXIF or extracted text). */
  date: PartialDateSchema.optional(),
  /** EXIF date taken, as read at import. */
  takenAt: z.string().optional(),
  /** EXIF orientation 1–8, applied to display, OCR and export only. */
  orientation: z.number().int().min(1).max(8).optional(),
  pageCount: z.number().int().positive().optional(),
  /** OCR language override for this exhibit (else from the case language). */
  ocrLang: optText,
  ocr: OcrResultSchema.optional(),
  /** When this exhibit's bytes match an earlier one, that one's id. */
  duplicateOf: EvidenceIdSchema.optional(),
  /** Include in the company cut of the dossier. */
  isKey: z.boolean().default(true),
  note: optText,
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const EventCategorySchema = z.enum([
  'contract', 'delivery', 'bill', 'sms', 'call', 'store-visit', 'written-complaint',
  'regulator-filing', 'company-reply', 'offer', 'deadline', 'other',
]);
/** What kind of step in the dispute an event is. */
export type EventCategory = z.infer<typeof EventCategorySchema>;

/** A link from an event to a character range of an exhibit's text. */
export const EvidenceSpanSchema = SpanSchema.extend({ evidence: EvidenceIdSchema });

/** A dated step of the dispute. */
export const EventSchema = z.object({
  id: EventIdSchema,
  date: PartialDateSchema,
  time: TimeOfDaySchema.optional(),
  title: z.string().default(''),
  detail: z.string().default(''),
  category: EventCategorySchema.default('other'),
  evidence: z.array(EvidenceIdSchema).default([]),
  spans: z.array(EvidenceSpanSchema).default([]),
  /** Earlier complaints start deadlines: which channel this filing or complaint went to. */
  channel: optText,
});
export type TimelineEvent = z.infer<typeof EventSchema>;

/** A numbered point of complaint, optionally with an amount. */
export const ClaimSchema = z.object({
  id: ClaimIdSchema,
  title: z.string().default(''),
  detail: z.string().default(''),
  amount: z.number().finite().optional(),
  currency: CurrencySchema.optional(),
  /** Human-readable arithmetic, e.g. `50元 × 2個月`. */
  calculation: optText,
  evidence: z.array(EvidenceIdSchema).default([]),
  events: z.array(EventIdSchema).default([]),
});
export type Claim = z.infer<typeof ClaimSchema>;

/** A specific, quantified request. */
export const DemandSchema = z.object({
  id: DemandIdSchema,
  text: z.string().default(''),
  amount: z.number().finite().optional(),
  currency: CurrencySchema.optional(),
});
export type Demand = z.infer<typeof DemandSchema>;

export const AudienceSchema = z.enum(['company', 'regulator']);
/** Who a dossier cut is for. */
export type Audience = z.infer<typeof AudienceSchema>;

/** A letter drafted from a template and edited by the user. */
export const LetterSchema = z.object({
  id: LetterIdSchema,
  template: z.string().min(1),
  audience: AudienceSchema,
  recipient: z.string().default(''),
  subject: z.string().default(''),
  body: z.string().default(''),
  updatedAt: InstantSchema.optional(),
});
export type Letter = z.infer<typeof LetterSchema>;

export const RedactionKindSchema = z.enum(['manual', 'national-id', 'bank-account', 'card-number', 'phone', 'other']);

/** A box burned black on an exhibit page in every export, and the words under it dropped. */
export const RedactionSchema = z.object({
  id: RedactionIdSchema,
  evidence: EvidenceIdSchema,
  page: z.number().int().positive().default(1),
  box: BoxSchema,
  kind: RedactionKindSchema.default('manual'),
  status: z.enum(['suggested', 'accepted', 'rejected']).default('accepted'),
});
export type Redaction = z.infer<typeof RedactionSchema>;

export const ContactChannelSchema = z.enum(['phone', 'store', 'chat', 'email', 'letter', 'sms', 'other']);

/** One contact with the company: who said and promised what. */
export const ContactSchema = z.object({
  id: ContactIdSchema,
  date: PartialDateSchema,
  time: TimeOfDaySchema.optional(),
  channel: ContactChannelSchema.default('phone'),
  number: optText,
  agentId: optText,
  ticketNo: optText,
  summary: z.string().default(''),
  promise: optText,
  promisedBy: PartialDateSchema.optional(),
  isPromiseKept: z.boolean().optional(),
});
export type Contact = z.infer<typeof ContactSchema>;

/** Export settings that hold for the whole case. */
export const RedactSettingsSchema = z.object({
  /** Keep national ID numbers (and other PII the suggestions find) out of every generated page. */
  pii: z.boolean().default(false),
});

/** A whole case. */
export const CaseSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: CaseIdSchema,
  title: z.string().default(''),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
  jurisdiction: JurisdictionSchema,
  language: LanguageSchema,
  complainant: PersonSchema.prefault({}),
  agent: AgentSchema.optional(),
  respondent: RespondentSchema.prefault({}),
  account: AccountSchema.prefault({}),
  evidence: z.array(EvidenceSchema).default([]),
  events: z.array(EventSchema).default([]),
  claims: z.array(ClaimSchema).default([]),
  demands: z.array(DemandSchema).default([]),
  letters: z.array(LetterSchema).default([]),
  redactions: z.array(RedactionSchema).default([]),
  contacts: z.array(ContactSchema).default([]),
  redact: RedactSettingsSchema.prefault({}),
  note: optText,
});
/** A whole case as stored and exchanged. */
export type Case = z.infer<typeof CaseSchema>;
/** A case as written by hand before defaults are applied. */
export type CaseInput = z.input<typeof CaseSchema>;

/** The case without its evidence list: the row the store keeps per case. */
export type CaseHeader = Omit<Case, 'evidence'>;

/** The default document language of a jurisdiction. */
export function defaultLanguage(jurisdiction: Jurisdiction): Language {
  return jurisdiction === 'CN' ? 'zh-CN' : jurisdiction === 'TW' ? 'zh-TW' : 'en';
}

/** Validates a case's metadata row (the case without its evidence list). */
export const CaseHeaderSchema = CaseSchema.omit({ evidence: true });

/** Options of a new, empty case. */
export interface NewCaseOptions {
  id: CaseId;
  title: string;
  jurisdiction: Jurisdiction;
  language?: Language;
  now: string;
}

/** A new, empty case with every default applied. */
export function newCase(options: NewCaseOptions): Case {
  return CaseSchema.parse({
    schemaVersion: SCHEMA_VERSION,
    id: options.id,
    title: options.title,
    createdAt: options.now,
    updatedAt: options.now,
    jurisdiction: options.jurisdiction,
    language: options.language ?? defaultLanguage(options.jurisdiction),
  });
}
