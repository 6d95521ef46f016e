// What the demo seeds: realistic, harmless channels in several languages, plus two clearly fictional
// channels for trying moderation. Plain data, so the content can be read and changed in one place.
import type { Scene } from './art.ts';

export interface DemoPost {
  text: string;
  image?: Scene;
}
export interface DemoChannel {
  handle: string;
  title: string;
  description: string;
  /** BCP 47 language tag, for the printed summary. */
  lang: string;
  owner: string;
  posts: DemoPost[];
  /** Shown under "for trying moderation" in the summary. */
  moderationNote?: string;
}

/** The account whose token is printed: owns some channels, admins another, and is in the group. */
export const DEMO_EDITOR = 'Demo editor';

export const CHANNELS: DemoChannel[] = [
  {
    handle: 'madina_news',
    lang: 'ar',
    owner: 'Layla Haddad',
    title: 'أخبار المدينة',
    description: 'أخبار محلية يومية عن مدينتنا: الطقس والمواصلات والفعاليات.',
    posts: [
      { text: 'افتتاح المكتبة العامة الجديدة في وسط المدينة يوم السبت، والدخول مجاني للجميع.', image: 'city' },
      { text: 'توقعات الطقس: أجواء مشمسة ودرجات حرارة معتدلة طوال الأسبوع.' },
      { text: 'بدء أعمال صيانة الجسر الشمالي، وننصح باستخدام الطرق البديلة في الصباح.', image: 'city' },
      { text: 'سوق المزارعين يعود كل يوم جمعة في الساحة الكبيرة من الثامنة صباحًا.' },
    ],
  },
  {
    handle: 'chishtxanay_dayk',
    lang: 'ckb',
    owner: 'Karwan Aziz',
    title: 'چێشتخانەی دایکم',
    description: 'ڕێنمایی خواردنی کوردی بە شێوەیەکی سادە، هەر هەفتە خواردنێکی نوێ.',
    posts: [
      { text: 'خواردنی ئەم هەفتەیە: دۆڵمە بە گەڵای مێو و برنج و تەماتە.', image: 'food' },
      { text: 'نانی تەنوور کاتێک گەرمە تامی زۆر خۆشترە.' },
      { text: 'بۆ کولێرە پێویستت بە ئارد، کەرە، شەکر و خورما هەیە. نۆشی گیان!', image: 'food' },
    ],
  },
  {
    handle: 'hawali_slemani',
    lang: 'ckb',
    owner: 'Karwan Aziz',
    title: 'هەواڵی سلێمانی',
    description: 'هەواڵی ڕۆژانەی شار: کەشوهەوا، هاتوچۆ و چالاکییەکان.',
    posts: [
      { text: 'پێشانگای کتێب لە هەفتەی داهاتوودا لە پارکی ئازادی دەکرێتەوە.', image: 'city' },
      { text: 'کەشوهەوای ئەمڕۆ: خۆر و هەندێک هەور، شەو فێنک دەبێت.' },
      { text: 'ئاهەنگی مۆسیقای کلاسیکی کوردی هەینی ئێوارە، چوونەژوورەوە بەخۆڕاییە.', image: 'festival' },
    ],
  },
  {
    handle: 'open_source_weekly',
    lang: 'en',
    owner: DEMO_EDITOR,
    title: 'Open Source Weekly',
    description: 'Releases, tips and talks from the open-source world. Every Friday.',
    posts: [
      {
        text: 'This week: a new long-term-support release of a popular JavaScript runtime, with a faster built-in test runner and TypeScript type stripping.',
        image: 'tech',
      },
      { text: 'Tip: run your test suite against both SQLite and PostgreSQL in CI. Dialect bugs love to hide in the gap.' },
      { text: 'Meetup on Thursday: "Writing accessible web forms". Slides will be posted here afterwards.', image: 'tech' },
      { text: 'Reminder: small, well-described pull requests get reviewed first.' },
    ],
  },
  {
    handle: 'riverside_garden',
    lang: 'en',
    owner: DEMO_EDITOR,
    title: 'Riverside Community Garden',
    description: 'Volunteer days, seed swaps and harvest news from the riverside plots.',
    posts: [
      { text: 'Seed swap this Sunday 10:00–13:00 by the tool shed. Bring seeds, take seeds!', image: 'garden' },
      { text: 'The first tomatoes are in! Volunteers can pick up a basket at the gate.', image: 'garden' },
      { text: 'Reminder: the watering rota for August is on the noticeboard.' },
    ],
  },
  {
    handle: 'coin_des_poetes',
    lang: 'fr',
    owner: 'Camille Martin',
    title: 'Le coin des poètes',
    description: 'Un poème par jour, des classiques du domaine public.',
    posts: [
      {
        text: '« Il pleure dans mon cœur\nComme il pleut sur la ville ;\nQuelle est cette langueur\nQui pénètre mon cœur ? »\n— Paul Verlaine',
        image: 'night',
      },
      { text: '« Demain, dès l’aube, à l’heure où blanchit la campagne,\nJe partirai. »\n— Victor Hugo' },
      { text: 'Cette semaine : les saisons chez les poètes romantiques.', image: 'mountains' },
    ],
  },
  {
    handle: 'futbol_segodnya',
    lang: 'ru',
    owner: 'Olga Petrova',
    title: 'Футбол сегодня',
    description: 'Обзоры матчей, расписание и новости любительской лиги.',
    posts: [
      { text: 'Итоги тура: «Звезда» обыграла «Речник» со счётом 2:1, решающий гол забит на 88-й минуте.', image: 'football' },
      { text: 'Расписание на выходные: три матча в субботу и два в воскресенье. Начало в 12:00.' },
      { text: 'Открыт набор в детскую футбольную школу. Занятия бесплатные, форма предоставляется.', image: 'football' },
    ],
  },
  {
    handle: 'sher_e_farsi',
    lang: 'fa',
    owner: 'Dariush Karimi',
    title: 'شعر فارسی',
    description: 'هر روز بیتی از شاعران بزرگ پارسی‌گوی.',
    posts: [
      { text: 'بنی آدم اعضای یک پیکرند\nکه در آفرینش ز یک گوهرند\n— سعدی', image: 'night' },
      { text: 'بشنو این نی چون شکایت می‌کند\nاز جدایی‌ها حکایت می‌کند\n— مولوی' },
      { text: 'ای ساربان آهسته ران کآرام جانم می‌رود\n— سعدی', image: 'night' },
    ],
  },
  {
    handle: 'kadikoy_etkinlik',
    lang: 'tr',
    owner: 'Elif Yılmaz',
    title: 'Kadıköy Etkinlikleri',
    description: 'Mahallemizdeki konserler, pazarlar ve atölyeler.',
    posts: [
      { text: 'Cumartesi sahil parkında ücretsiz açık hava konseri var, saat 19:00’da başlıyor.', image: 'festival' },
      { text: 'Pazar sabahı organik pazar kuruluyor; bez çantanızı unutmayın!' },
      { text: 'Çocuklar için seramik atölyesi: kayıtlar mahalle kütüphanesinde.', image: 'festival' },
    ],
  },
  {
    handle: 'cocina_de_la_abuela',
    lang: 'es',
    owner: 'Sofía García',
    title: 'La cocina de la abuela',
    description: 'Recetas caseras de siempre, paso a paso.',
    posts: [
      { text: 'Hoy: tortilla de patatas jugosa. El secreto es cocinar la patata a fuego lento.', image: 'food' },
      { text: 'Gazpacho fresquito: tomate, pepino, pimiento, ajo, aceite de oliva y un poco de pan.' },
      { text: '¿Arroz con leche o flan? El domingo publicamos la receta ganadora.', image: 'food' },
    ],
  },
  {
    handle: 'wandern_im_schwarzwald',
    lang: 'de',
    owner: 'Jonas Becker',
    title: 'Wandern im Schwarzwald',
    description: 'Tourentipps, Wetter und Hüttenöffnungszeiten.',
    posts: [
      { text: 'Tourentipp: Rundweg zum Wasserfall, 12 km, etwa vier Stunden. Festes Schuhwerk empfohlen.', image: 'mountains' },
      { text: 'Die Hütte am Gipfel hat ab Samstag wieder geöffnet.' },
      { text: 'Wetter am Wochenende: sonnig, am Nachmittag leichter Wind.', image: 'mountains' },
    ],
  },
  {
    handle: 'bahr_wa_safar',
    lang: 'ar',
    owner: 'Layla Haddad',
    title: 'بحر وسفر',
    description: 'صور من رحلاتنا إلى الشواطئ والجبال، ونصائح للمسافرين.',
    posts: [
      { text: 'غروب الشمس على الشاطئ هذا المساء.', image: 'sea' },
      { text: 'نصيحة للمسافرين: احجزوا تذاكر القطار مبكرًا في موسم الصيف.' },
      { text: 'صباح الخير من الساحل!', image: 'sea' },
    ],
  },
  // Two channels for trying moderation later. Both are fictional: no real people, brands or services.
  {
    handle: 'fast_cash_guaranteed',
    lang: 'en',
    owner: 'Quick Money',
    title: '💰 FAST CASH GUARANTEED 💰',
    description: 'Make $$$ fast. Premium accounts for sale. 100% guaranteed. DM to buy.',
    moderationNote: 'fraud/scam-style channel selling "hacked accounts" (fictional, text only)',
    posts: [
      { text: '🔥 SELLING hacked streaming accounts: premium, lifetime, only $5 each. Bulk discounts! DM the admin 🔥' },
      { text: 'Turn $100 into $5,000 in 24 hours GUARANTEED. No risk. Payment in crypto only, no refunds.' },
      { text: 'Fresh batch: 500 hacked social media accounts with followers. Logins delivered instantly after payment.' },
    ],
  },
  {
    handle: 'veloria_budget_watch',
    lang: 'en',
    owner: 'Citizens of Veloria',
    title: 'Veloria Budget Watch',
    description: 'Independent citizens tracking how the Government of Veloria spends public money. Peaceful, factual, non-partisan.',
    moderationNote: 'peaceful criticism of a (fictional) government: protected expression',
    posts: [
      {
        text: 'The Ministry of Health’s budget was cut by 18% this year while the renovation of the ministers’ offices cost three times its estimate. Citizens deserve to know why.',
      },
      {
        text: 'Our petition asking the government to publish all public procurement contracts has 12,400 signatures. Sign and share, peacefully and lawfully.',
      },
      { text: 'We criticise policies, not people. Join the open town-hall meeting on Saturday at the public library to discuss the budget.', image: 'city' },
    ],
  },
];

/** Readers who subscribe to channels; a few of them are in the private group. */
export const READERS = [
  'Amira',
  'Karim',
  'Hana',
  'Shilan',
  'Rebwar',
  'Emma',
  'Liam',
  'Chloé',
  'Lucas',
  'Anna',
  'Ivan',
  'Maryam',
  'Reza',
  'Zeynep',
  'Mehmet',
  'Lucía',
  'Mateo',
  'Lena',
  'Felix',
  'Noor',
  'Sara',
  'Yusuf',
];

export const BOTS = [
  { handle: 'weather_helper_bot', description: 'Ask me for tomorrow’s forecast in your city. I answer in Arabic, Kurdish, English and French.', picture: true },
  { handle: 'recipe_finder_bot', description: 'Send me three ingredients and I will suggest a recipe.', picture: false },
];

export const STICKER_SET = { name: 'happy_blobs', title: 'Happy blobs', count: 5 };

export const GROUP: { title: string; members: number[]; messages: Array<{ from: number; text: string; image?: Scene }> } = {
  title: 'Book club 📚',
  /** Indexes into READERS. */
  members: [0, 3, 5, 13],
  messages: [
    { from: -1, text: 'Welcome to the book club! This month we read short stories.' },
    { from: 5, text: 'I finished the first three stories. The second one was my favourite.' },
    { from: 3, text: 'من هەمووی خوێندەوە، زۆر جوان بوو!' },
    { from: 13, text: 'Bugün okuma köşem ☀️', image: 'sea' },
    { from: -1, text: 'Next meeting: Thursday at 18:00 in the library café.' },
  ],
};
