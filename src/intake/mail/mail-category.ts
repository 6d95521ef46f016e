// The policy category a mail's report is filed under. A form asks; a mail does not, so Vigil reads what
// the mail says: an ARF or X-ARF report type first, then a few unmistakable words in the languages of
// the reporters Vigil serves. Anything else is "other": a person sets the category when reviewing, and
// the case's clock follows the category the reviewer gives.
const REPORT_TYPES: Record<string, string> = {
  fraud: 'fraud',
  phishing: 'fraud',
  scam: 'fraud',
  spam: 'spam',
  'illegal-content': 'other',
  terrorism: 'terrorism',
  terror: 'terrorism',
  csam: 'csam',
  'child-abuse': 'csam',
  copyright: 'copyright',
};

/** Most severe first: the first list with a word in the mail decides. Words are matched case-insensitively. */
const HINTS: Array<[string, RegExp]> = [
  ['csam', /\b(csam|child (sexual )?abuse)\b|اعتداء جنسي على الأطفال|سوء استفاده جنسی از کودک|детск\S* порн/iu],
  ['terrorism', /\b(terroris[mt]\w*|isis|daesh|isil)\b|داعش|إرهاب|ارهاب|تروریس|تیرۆر|терро?рис|террор|terörist|\bterror/iu],
  ['ncii', /\b(intimate (images?|photos?)|revenge porn|nudes?)\b|صور خاصة|صور حميمة|عکس‌های خصوصی|وێنەی تایبەت|интимн|mahrem/iu],
  ['extortion', /\b(sextortion|extortion|blackmail\w*)\b|ابتزاز|اخاذی|باج‌گیری|هەڕەشە|вымогат|шантаж|chantage|şantaj/iu],
  ['personal_data', /\b(doxx?ing|leaked (data|database)|personal data)\b|تسريب|بيانات شخصية|اطلاعات شخصی|زانیاری کەسی|утечк|персональн|fuite de données/iu],
  ['fraud', /\b(scam\w*|fraud\w*|phishing)\b|احتيال|نصب|کلاهبرداری|فێڵ|мошенн|arnaque|escroquerie|dolandırıcı/iu],
];

export function categoryOfMail(reportType: string | null, subject: string, text: string): string {
  if (reportType && REPORT_TYPES[reportType]) return REPORT_TYPES[reportType];
  const said = `${subject}\n${text.slice(0, 5000)}`;
  for (const [category, words] of HINTS) if (words.test(said)) return category;
  return 'other';
}
