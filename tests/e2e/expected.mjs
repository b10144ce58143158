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
 * "not sure" in four themes, one unanswered question, and theme averages
 * that need rounding (purpose is 62.5, which rounds half up to 63).
 */
export const PLAN = {
  purpose: [3, 4, NOT_SURE, 5, 2],
  governance: [1, 2, 3, 4, 5, NOT_SURE, 2],
  data: [2, 2, 1, null, 3, 4],
  culture: [5, 4, 4, 3, NOT_SURE, 5, 2],
  people: [1, 1, 2, NOT_SURE, 3],
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

/** numerator / denominator rounded to a whole number, halves up. */
export const roundHalfUp = (numerator, denominator) =>
  Math.floor((2 * numerator + denominator) / (2 * denominator));

/** Each theme's score, counts and status, in pack order, plus the overall score and band. */
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
    const score = levels.length
      ? roundHalfUp(levels.reduce((sum, level) => sum + points(level), 0), levels.length)
      : null;
    let status = 'completed';
    if (levels.length + notSure === 0) status = 'not_started';
    else if (unanswered > 0) status = 'in_progress';
    return { id: theme.id, title: theme.title, index, score, scored: levels.length, notSure, unanswered, status };
  });
  const scores = themes.map((t) => t.score);
  const overall = scores.every((s) => s !== null)
    ? roundHalfUp(scores.reduce((a, b) => a + b, 0), scores.length)
    : null;
  let band = null;
  if (overall !== null) {
    if (overall < 25) band = 'getting_started';
    else if (overall < 50) band = 'developing';
    else if (overall < 75) band = 'established';
    else band = 'leading';
  }
  return { themes, overall, band };
}

/** Themes ranked weakest first: by score, then pack order; unscored themes last. */
function themeRank(profile) {
  const rank = new Map();
  for (const t of profile.themes) rank.set(t.id, [t.score ?? Number.MAX_SAFE_INTEGER, t.index]);
  return rank;
}

const compare = (a, b) => {
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
};

/**
 * Priority actions in order: lowest level first, then the weakest theme,
 * then question order. Levels 1-2 take act_if_1_or_2, 3-4 act_if_3_or_4,
 * level 5 none. Each item also has the text the summary shows under it.
 */
export function expectedActions(answers, pack = contentPack()) {
  const profile = expectedProfile(answers, pack);
  const rank = themeRank(profile);
  const report = locale().report;
  const items = questions(pack)
    .map(({ theme, question }, order) => ({ theme, question, order, level: answers.get(question.id) }))
    .filter(({ level }) => typeof level === 'number' && level <= 4)
    .map(({ theme, question, order, level }) => ({
      questionId: question.id,
      level,
      key: [level, ...rank.get(theme.id), order],
      action: level <= 2 ? question.act_if_1_or_2 : question.act_if_3_or_4,
      because: `${fill(report.action_because, { level: pack.scale[level - 1], question: question.text })} (${theme.title})`,
    }));
  items.sort((a, b) => compare(a.key, b.key));
  return items;
}

/** "Not sure" answers as things to find out, in question order. */
export function expectedFindOut(answers, pack = contentPack()) {
  return questions(pack)
    .filter(({ question }) => answers.get(question.id) === NOT_SURE)
    .map(({ question }) => fill(locale().report.find_out_action, { question: question.text }));
}

/**
 * Case studies: the weakest scored theme weighs 3, the next 2, each chosen
 * policy area 2; best first, ties in pack order; the top four.
 */
export function expectedCaseStudies(answers, policyAreas, pack = contentPack()) {
  const profile = expectedProfile(answers, pack);
  const weakest = profile.themes
    .filter((t) => t.score !== null)
    .sort((a, b) => compare([a.score, a.index], [b.score, b.index]))
    .slice(0, 2)
    .map((t) => t.id);
  return pack.case_studies
    .map((study, order) => {
      let weight = 0;
      weakest.forEach((id, rank) => {
        if (study.themes.includes(id)) weight += 3 - rank;
      });
      for (const area of study.policy_areas) if (policyAreas.includes(area)) weight += 2;
      return { study, order, weight };
    })
    .filter((m) => m.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order)
    .slice(0, 4)
    .map((m) => m.study);
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
