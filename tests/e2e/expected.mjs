// The fixed answer plan the journey tests follow, and what the summary must
// show for it, worked out here from the documented method (README "How the
// score is worked out") and the content pack, independently of the app.

import { contentPack } from './helpers.mjs';
import { fill, locale } from './support.mjs';

export const NOT_SURE = 'not-sure';

/** About your area. */
export const CONTEXT = {
  area: 'Bath and North East Somerset',
  organisation: 'Bath and North East Somerset Council',
  partners: 'Avon and Somerset Police\nNHS Bath and North East Somerset\nJobcentre Plus',
  policyAreas: ['health-social-care', 'families-children'],
};

/**
 * One entry per question, in pack order within each theme: a level 1-5,
 * NOT_SURE, or null (left unanswered). Varied on purpose: every level, a
 * "not sure" in four themes and one unanswered question. The questions pack
 * 3.0.0 added (the last of governance, safeguarding, data, security and
 * people) are "not sure", so the scores below are unchanged. After the change
 * on "Check your answers" (CHANGE), the exact theme scores are
 *
 *   purpose 375/6 = 62.5      governance 175/6 = 29.17   safeguarding 65
 *   data 65                   security 60                culture 250/7 = 35.71
 *   people 200/7 = 28.57
 *
 * and they are built to catch a summary that rounds before it ranks:
 * - purpose is a half, shown 63 (halves round up);
 * - governance and people both show 29, but people is the weaker, so the
 *   weakest themes are people then governance, not governance then people
 *   (as ranking by the shown scores, ties in pack order, would have it);
 * - the exact overall score is 7265/147 = 49.42, shown 49, in "Making
 *   progress"; the mean of the shown theme scores is 347/7 = 49.57, which
 *   would round to 50 and put the area in "Well on the way";
 * - safeguarding and data tie exactly at 65 (pack order decides).
 */
export const PLAN = {
  purpose: [3, 4, NOT_SURE, 5, 2, 4, 3],
  governance: [1, 2, 1, 5, 2, NOT_SURE, 2, NOT_SURE],
  safeguarding: [4, 3, 5, NOT_SURE, 3, 3, NOT_SURE],
  data: [3, 4, 2, null, 5, 4, NOT_SURE],
  security: [4, 3, NOT_SURE, 3, 5, 2, NOT_SURE],
  culture: [5, 1, 2, 3, 1, 3, 2],
  people: [1, 1, 2, 3, 3, 2, 2, NOT_SURE],
};

/** Notes, by question id. The first is hostile: markup and a formula. */
export const HOSTILE_NOTE =
  '=HYPERLINK("http://x","y") <img src=x onerror=alert(1)>, then, on a new line:\nsee "the DPO", page 2';
export const NOTES = {
  'purpose-what-information': HOSTILE_NOTE,
  'governance-dpia': 'Draft with the DPO, due in March',
};

/** The answer changed on "Check your answers". */
export const CHANGE = { questionId: 'people-tell-once', level: 4 };

export const STORY =
  'A family was known to six services, and each asked them to tell their story again. ' +
  'Once the partners agreed what to share and why, one key worker could see the whole picture.';

/** The pack's questions in order, each with its theme. */
export function questions(pack = contentPack()) {
  return pack.themes.flatMap((theme) => theme.questions.map((question) => ({ theme, question })));
}

/** The answers the plan gives, by question id, with `change` applied when asked. */
export function plannedAnswers({ change = false, pack = contentPack() } = {}) {
  const answers = new Map();
  for (const theme of pack.themes) {
    const plan = PLAN[theme.id];
    if (!plan || plan.length !== theme.questions.length) {
      throw new Error(`the plan for theme "${theme.id}" does not fit the pack's questions`);
    }
    theme.questions.forEach((question, index) => {
      const response = plan[index];
      if (response !== null) answers.set(question.id, response);
    });
  }
  if (change) answers.set(CHANGE.questionId, CHANGE.level);
  return answers;
}

/** "3 Developing", "Not sure" or "Not answered": how the app shows an answer. */
export function answerText(response, pack = contentPack()) {
  const common = locale().common;
  if (response === undefined || response === null) return common.not_answered;
  if (response === NOT_SURE) return common.not_sure;
  return `${response} ${pack.scale[response - 1]}`;
}

/** Level 1 = 0, 2 = 25, 3 = 50, 4 = 75, 5 = 100. */
export const points = (level) => (level - 1) * 25;

// ---------------------------------------------------------------------------
// Exact scores. Every score is a fraction { n, d } in lowest terms (d > 0),
// worked out with whole numbers only, as README "How the score is worked
// out" says: exact for the band and every ranking, rounded only to show.
// ---------------------------------------------------------------------------

function gcd(a, b) {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y) [x, y] = [y, x % y];
  return x || 1;
}

/** n / d in lowest terms. Fails rather than lose precision. */
export function fraction(n, d = 1) {
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d) || d === 0) {
    throw new Error(`not an exact fraction: ${n}/${d}`);
  }
  const sign = d < 0 ? -1 : 1;
  const g = gcd(n, d);
  return { n: (sign * n) / g, d: (sign * d) / g };
}

export const addFractions = (a, b) => fraction(a.n * b.d + b.n * a.d, a.d * b.d);
export const subtractFractions = (a, b) => fraction(a.n * b.d - b.n * a.d, a.d * b.d);
/** Negative, zero or positive, as a is below, equal to or above b. */
export const compareFractions = (a, b) => a.n * b.d - b.n * a.d;

/** The exact mean of fractions; null for none. */
export function meanOf(fractions) {
  if (fractions.length === 0) return null;
  const sum = fractions.reduce(addFractions, fraction(0));
  return fraction(sum.n, sum.d * fractions.length);
}

/** numerator / denominator rounded to a whole number, halves up. */
export const roundHalfUp = (numerator, denominator) =>
  Math.floor((2 * numerator + denominator) / (2 * denominator));

/** A fraction as the app shows it: a whole number, halves up; null stays null. */
export const shown = (f) => (f === null ? null : roundHalfUp(f.n, f.d));

/**
 * The overall score as the app shows it beside the band: rounded half up,
 * except that it never rounds up to a band threshold (25, 50, 75) the
 * exact score is under (README "How the score is worked out").
 */
export function shownOverall(f) {
  if (f === null) return null;
  const rounded = roundHalfUp(f.n, f.d);
  const crosses = [25, 50, 75].some((t) => rounded === t && compareFractions(f, fraction(t)) < 0);
  return crosses ? rounded - 1 : rounded;
}

/** The band (its locale key) of an exact overall score. */
export function bandOf(overall) {
  if (overall === null) return null;
  if (compareFractions(overall, fraction(25)) < 0) return 'starting_out';
  if (compareFractions(overall, fraction(50)) < 0) return 'making_progress';
  if (compareFractions(overall, fraction(75)) < 0) return 'well_on_the_way';
  return 'ready_and_improving';
}

/**
 * Each theme's exact and shown score, counts and status, in pack order,
 * plus the exact and shown overall score and the band (from the exact one).
 */
export function expectedProfile(answers, pack = contentPack()) {
  const themes = pack.themes.map((theme, index) => {
    const levels = [];
    let notSure = 0;
    let unanswered = 0;
    for (const question of theme.questions) {
      const response = answers.get(question.id);
      if (response === undefined) unanswered += 1;
      else if (response === NOT_SURE) notSure += 1;
      else levels.push(response);
    }
    const exact = levels.length
      ? fraction(levels.reduce((sum, level) => sum + points(level), 0), levels.length)
      : null;
    let status = 'completed';
    if (levels.length + notSure === 0) status = 'not_started';
    else if (unanswered > 0) status = 'in_progress';
    return {
      id: theme.id,
      title: theme.title,
      index,
      exact,
      score: shown(exact),
      scored: levels.length,
      notSure,
      unanswered,
      status,
    };
  });
  const overallExact = themes.every((t) => t.exact !== null) ? meanOf(themes.map((t) => t.exact)) : null;
  return { themes, overallExact, overall: shownOverall(overallExact), band: bandOf(overallExact) };
}

/** Scored themes, weakest first: by exact score, then pack order. */
export function weakestThemes(profile, count = 2) {
  return profile.themes
    .filter((t) => t.exact !== null)
    .sort((a, b) => compareFractions(a.exact, b.exact) || a.index - b.index)
    .slice(0, count)
    .map((t) => t.id);
}

/** Compares arrays element by element with `cmp` for each position. */
function lexically(a, b) {
  for (let i = 0; i < a.length; i += 1) {
    const [x, y] = [a[i], b[i]];
    const c = typeof x === 'object' && x !== null ? compareFractions(x, y) : x - y;
    if (c !== 0) return c;
  }
  return 0;
}

/** The step the pack gives for a level: 1-2 act_if_1_or_2, 3 act_if_3, 4 act_if_4, 5 none. */
export function actionFor(question, level) {
  if (level <= 2) return question.act_if_1_or_2;
  if (level === 3) return question.act_if_3;
  if (level === 4) return question.act_if_4;
  return null;
}

/**
 * The guidance an action shows: the first two of the question's items (most
 * relevant first) that apply where the partnership works. A partnership that
 * has not said (or works in both) sees every item; one in England or Wales
 * sees items for the UK and for its own nation only.
 */
export function guidanceOf(question, pack = contentPack(), nation = '') {
  const fits = (guide) =>
    !['england', 'wales'].includes(nation) || guide.applies_in === 'uk' || guide.applies_in === nation;
  return (question.guidance ?? [])
    .map((id) => {
      const guide = pack.guidance.find((g) => g.id === id);
      if (!guide) throw new Error(`question "${question.id}" names guidance "${id}", which the pack does not have`);
      return guide;
    })
    .filter(fits)
    .slice(0, 2);
}

/** "(publisher, year)" as the summary and the downloads show it after a guidance link. */
export const guideAbout = (guide) => {
  const r = locale().report;
  const template = { england: r.guide_about_england, wales: r.guide_about_wales }[guide.applies_in] ?? r.guide_about;
  return `(${fill(template, { publisher: guide.publisher, published: guide.published })})`;
};

/**
 * Priority actions in order: lowest level first, then the weakest theme (by
 * exact score; unscored themes last), then question order. Each item also
 * has the text the summary shows under it and its guidance items.
 */
export function expectedActions(answers, pack = contentPack()) {
  const profile = expectedProfile(answers, pack);
  const report = locale().report;
  const rank = (themeIndex) => {
    const t = profile.themes[themeIndex];
    // Unscored themes after every scored one: 101 is above any score.
    return t.exact ?? fraction(101);
  };
  const items = questions(pack)
    .map(({ theme, question }, order) => ({ theme, question, order, level: answers.get(question.id) }))
    .filter(({ level }) => typeof level === 'number' && level <= 4)
    .map(({ theme, question, order, level }) => ({
      questionId: question.id,
      themeId: theme.id,
      level,
      key: [level, rank(pack.themes.indexOf(theme)), pack.themes.indexOf(theme), order],
      action: actionFor(question, level),
      why: fill(report.action_because, { level: pack.scale[level - 1], question: question.text }),
      themeTitle: theme.title,
      because: `${fill(report.action_because, { level: pack.scale[level - 1], question: question.text })} (${theme.title})`,
      guidance: guidanceOf(question, pack),
    }));
  items.sort((a, b) => lexically(a.key, b.key));
  return items;
}

/** "Not sure" answers as things to find out, in question order. */
export function expectedFindOut(answers, pack = contentPack()) {
  return questions(pack)
    .filter(({ question }) => answers.get(question.id) === NOT_SURE)
    .map(({ question }) => fill(locale().report.find_out_action, { question: question.text }));
}

/**
 * Case studies, from README "How the score is worked out": the weakest
 * scored theme weighs 3, the next 2, each chosen policy area 2. Heaviest
 * first; equal weights by relevance (the lower the exact mean score of the
 * scored themes a study illustrates, the higher; a study with no scored
 * theme after those with one); then pack order. The top four, skipping a
 * study once two from its place are in. Each with its weight and relevance.
 */
export function expectedCaseStudyMatches(answers, policyAreas, pack = contentPack()) {
  const profile = expectedProfile(answers, pack);
  const weakest = weakestThemes(profile);
  const matches = pack.case_studies
    .map((study, order) => {
      let weight = 0;
      weakest.forEach((id, rank) => {
        if (study.themes.includes(id)) weight += 3 - rank;
      });
      for (const area of study.policy_areas) if (policyAreas.includes(area)) weight += 2;
      const scores = profile.themes.filter((t) => t.exact !== null && study.themes.includes(t.id)).map((t) => t.exact);
      return { study, order, weight, relevance: meanOf(scores) };
    })
    .filter((m) => m.weight > 0)
    .sort((a, b) => {
      if (a.weight !== b.weight) return b.weight - a.weight;
      if ((a.relevance === null) !== (b.relevance === null)) return a.relevance === null ? 1 : -1;
      if (a.relevance !== null) {
        const c = compareFractions(a.relevance, b.relevance);
        if (c !== 0) return c;
      }
      return a.order - b.order;
    });
  const perPlace = new Map();
  const chosen = [];
  for (const m of matches) {
    if (chosen.length === 4) break;
    const place = m.study.place.trim().toLowerCase();
    const count = perPlace.get(place) ?? 0;
    if (count >= 2) continue;
    perPlace.set(place, count + 1);
    chosen.push(m);
  }
  return { weakest, ranked: matches, chosen };
}

/** The case studies the summary shows, best first. */
export function expectedCaseStudies(answers, policyAreas, pack = contentPack()) {
  return expectedCaseStudyMatches(answers, policyAreas, pack).chosen.map((m) => m.study);
}

/** The file-name part the app makes from the area name. */
export function slug(area) {
  let out = '';
  for (const ch of area.toLowerCase()) {
    if (/[a-z0-9]/.test(ch)) out += ch;
    else if (!out.endsWith('-')) out += '-';
  }
  return out.replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
}

/** The id of the theme a question belongs to. */
export function themeOf(questionId, pack = contentPack()) {
  const theme = pack.themes.find((t) => t.questions.some((q) => q.id === questionId));
  if (!theme) throw new Error(`no question "${questionId}" in the pack`);
  return theme.id;
}
