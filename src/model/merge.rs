//! Two copies of one assessment made one: field by field, newest per field.
//!
//! Every answer's response, every note, each context field, each policy area,
//! the story and each of a plan entry's owner, target month, status and note
//! carries its own change stamp. A stamp is a counter that
//! never goes backwards (it is always above every stamp its writer has
//! seen, and follows the clock when the clock is ahead) plus the id of the
//! writer, which settles ties. So an edit in one tab never cancels an edit
//! to another field in another tab, and a clock moved back cannot make a new
//! edit look old.
//!
//! "Which is newer" is decided here and nowhere else: [`merge`] is used by
//! the reducer for answers from other tabs and widgets, and by the saving
//! code before it writes.
//!
//! Starting again or opening a file replaces everything: it sets a reset
//! stamp, and any field last changed before it is cleared by the merge.

use std::cmp::Ordering;

use serde_json::{json, Value};

use crate::model::assessment::{Answer, Assessment, Context, Response};
use crate::model::content::Nation;
use crate::model::plan::{ActionId, Entry, Status, Step};
use crate::model::sorted::SortedMap;
use crate::model::sorting;

/// When a field was last changed, and by whom.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Stamp {
    /// Above every counter the writer had seen; milliseconds since 1970
    /// when the writer's clock is ahead of that.
    pub counter: u64,
    /// Names the tab or widget that made the change. Settles ties.
    pub writer: String,
}

impl Ord for Stamp {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.counter, &self.writer).cmp(&(other.counter, &other.writer))
    }
}

impl PartialOrd for Stamp {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// One thing that can change on its own.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// The level or "not sure" given to a question.
    Response(String),
    /// The note on a question.
    Note(String),
    Area,
    Organisation,
    Partners,
    /// Where the partnership works (England, Wales or both).
    Nation,
    /// Whether one policy area is chosen.
    PolicyArea(String),
    Story,
    /// An answer kept aside from a file (a question the pack does not have).
    SetAside(String),
    /// One part of one action's plan entry.
    Plan(ActionId, PlanPart),
}

/// The parts of a plan entry that change on their own. `Changed` is when
/// the entry last changed: it is stamped with every edit to the entry, so
/// the merge keeps the time of the newest one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PlanPart {
    Owner,
    Target,
    Status,
    Note,
    Changed,
}

impl PlanPart {
    pub const ALL: [PlanPart; 5] = [
        PlanPart::Owner,
        PlanPart::Target,
        PlanPart::Status,
        PlanPart::Note,
        PlanPart::Changed,
    ];

    fn name(self) -> &'static str {
        match self {
            PlanPart::Owner => "owner",
            PlanPart::Target => "target",
            PlanPart::Status => "status",
            PlanPart::Note => "note",
            PlanPart::Changed => "changed",
        }
    }

    /// The part's value in an entry; none when empty.
    fn value(self, entry: &Entry) -> Option<FieldValue> {
        let text = |t: &str| (!t.is_empty()).then(|| FieldValue::Text(t.to_string()));
        match self {
            PlanPart::Owner => text(&entry.owner),
            PlanPart::Target => text(&entry.target),
            PlanPart::Note => text(&entry.note),
            PlanPart::Changed => text(&entry.changed),
            PlanPart::Status => {
                (entry.status != Status::NotStarted).then_some(FieldValue::Status(entry.status))
            }
        }
    }

    /// Puts a value into an entry; a value of another kind changes nothing.
    fn set(self, entry: &mut Entry, value: FieldValue) {
        match (self, value) {
            (PlanPart::Owner, FieldValue::Text(t)) => entry.owner = t,
            (PlanPart::Target, FieldValue::Text(t)) => entry.target = t,
            (PlanPart::Note, FieldValue::Text(t)) => entry.note = t,
            (PlanPart::Changed, FieldValue::Text(t)) => entry.changed = t,
            (PlanPart::Status, FieldValue::Status(s)) => entry.status = s,
            _ => {}
        }
    }
}

/// The parts of an entry that differ between two versions of it (`None` for
/// an entry the plan does not hold).
fn plan_parts_changed(before: Option<&Entry>, after: Option<&Entry>) -> Vec<PlanPart> {
    let value = |entry: Option<&Entry>, part: PlanPart| entry.and_then(|e| part.value(e));
    PlanPart::ALL
        .into_iter()
        .filter(|&part| value(before, part) != value(after, part))
        .collect()
}

impl Field {
    /// The name a field is saved under.
    pub fn key(&self) -> String {
        match self {
            Field::Response(id) => format!("response:{id}"),
            Field::Note(id) => format!("note:{id}"),
            Field::Area => "context.area".into(),
            Field::Organisation => "context.organisation".into(),
            Field::Partners => "context.partners".into(),
            Field::Nation => "context.nation".into(),
            Field::PolicyArea(id) => format!("policy_area:{id}"),
            Field::Story => "story".into(),
            Field::SetAside(id) => format!("set_aside:{id}"),
            Field::Plan(id, part) => format!(
                "plan.{}:{}:{}",
                part.name(),
                id.step.as_str(),
                id.question_id
            ),
        }
    }

    /// The fields a saved name refers to: one, or none if it is not
    /// understood, or for a whole plan entry as saved before each of its
    /// parts had a stamp, every part of it.
    pub fn all_from_key(key: &str) -> Vec<Field> {
        if let Some(Field::Plan(id, _)) = key
            .strip_prefix("plan:")
            .and_then(|rest| Field::from_key(&format!("plan.owner:{rest}")))
        {
            return PlanPart::ALL
                .into_iter()
                .map(|part| Field::Plan(id.clone(), part))
                .collect();
        }
        Field::from_key(key).into_iter().collect()
    }

    /// The field a saved name refers to, if any.
    pub fn from_key(key: &str) -> Option<Field> {
        match key {
            "context.area" => return Some(Field::Area),
            "context.organisation" => return Some(Field::Organisation),
            "context.partners" => return Some(Field::Partners),
            "context.nation" => return Some(Field::Nation),
            "story" => return Some(Field::Story),
            _ => {}
        }
        let (kind, id) = key.split_once(':')?;
        let id = id.to_string();
        match kind {
            "response" => Some(Field::Response(id)),
            "note" => Some(Field::Note(id)),
            "policy_area" => Some(Field::PolicyArea(id)),
            "set_aside" => Some(Field::SetAside(id)),
            _ => {
                let part = PlanPart::ALL
                    .into_iter()
                    .find(|p| kind.strip_prefix("plan.") == Some(p.name()))?;
                let (step, question_id) = id.split_once(':')?;
                Some(Field::Plan(
                    ActionId::new(question_id, Step::parse(step)),
                    part,
                ))
            }
        }
    }
}

/// The value of one field. An empty field has no value.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum FieldValue {
    Response(Response),
    Text(String),
    Chosen,
    Answer(Option<Response>, String),
    Status(Status),
}

/// The stamps of one copy of an assessment.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Stamps {
    /// When everything was last replaced (start again, a file opened). A
    /// field last changed before it is empty.
    pub reset: Stamp,
    /// When each field was last changed. A field with no stamp has not been
    /// changed since the reset (or was saved before stamps existed).
    pub fields: SortedMap<Field, Stamp>,
    /// When each plan entry last changed, as its stamped `Changed` part
    /// says, kept here with its stamp rather than only in the entry: a copy
    /// whose entry was emptied (and so dropped) by a merge still knows it,
    /// so merging gives the same time whatever the order.
    pub changed: SortedMap<ActionId, String>,
}

impl Stamps {
    /// The highest counter these stamps hold.
    pub fn highest(&self) -> u64 {
        self.fields
            .values()
            .map(|s| s.counter)
            .chain([self.reset.counter])
            .max()
            .unwrap_or(0)
    }

    /// A stamp for a change made now by `writer`: above every stamp seen,
    /// and no earlier than the clock (`now`, an ISO 8601 time).
    pub fn next(&self, writer: &str, now: &str) -> Stamp {
        stamp_after(self.highest(), writer, now)
    }

    /// Stamps every field that differs between `before` and `after`: the
    /// change `writer` has just made. It reads every field, so the reducer
    /// uses [`Stamps::record_fields`] with the fields it knows changed; the
    /// two agree (a property test in tests/merge.rs).
    pub fn record_edit(
        &mut self,
        before: &Assessment,
        after: &Assessment,
        writer: &str,
        now: &str,
    ) {
        let (old, new) = (fields(before), fields(after));
        let changed: Vec<Field> = old
            .keys()
            .chain(new.keys())
            .filter(|f| old.get(*f) != new.get(*f))
            .cloned()
            .collect();
        if changed.is_empty() {
            return;
        }
        let stamp = self.next(writer, now);
        for field in changed {
            if let Field::Plan(id, PlanPart::Changed) = &field {
                self.keep_changed(id, after.plan.entry(id));
            }
            self.fields.insert(field, stamp.clone());
        }
    }

    /// Stamps `changed`, the fields an edit to the answers changed, as
    /// [`Stamps::record_edit`] would have found them (the reducer knows
    /// which they are, so a keystroke in a note reads only that note).
    pub fn record_fields(&mut self, changed: Vec<Field>, writer: &str, now: &str) {
        if changed.is_empty() {
            return;
        }
        let stamp = self.next(writer, now);
        for field in changed {
            self.fields.insert(field, stamp.clone());
        }
    }

    /// Keeps when the entry `id` last changed beside its stamp (none for an
    /// entry that is not there, or says no time).
    fn keep_changed(&mut self, id: &ActionId, entry: Option<&Entry>) {
        match entry.filter(|e| !e.changed.is_empty()) {
            Some(entry) => {
                self.changed.insert(id.clone(), entry.changed.clone());
            }
            None => {
                self.changed.remove(id);
            }
        }
    }

    /// Stamps the parts of one plan entry that `writer` has just changed,
    /// from `before` to `after` (`None` for no entry): the same as
    /// [`Stamps::record_edit`] for a plan edit, without going through every
    /// field of the assessment. True if anything changed.
    ///
    /// An edit that empties an entry removes it. What it cleared is stamped,
    /// but when the entry changed is forgotten rather than stamped as
    /// cleared: if another copy keeps the entry, with a decision made there,
    /// the entry keeps that copy's time rather than none.
    pub fn record_plan_edit(
        &mut self,
        id: &ActionId,
        before: Option<&Entry>,
        after: Option<&Entry>,
        writer: &str,
        now: &str,
    ) -> bool {
        let parts = plan_parts_changed(before, after);
        if parts.is_empty() {
            return false;
        }
        let stamp = self.next(writer, now);
        for part in parts {
            let field = Field::Plan(id.clone(), part);
            if after.is_none() && part == PlanPart::Changed {
                self.fields.remove(&field);
                self.changed.remove(id);
            } else {
                if part == PlanPart::Changed {
                    self.keep_changed(id, after);
                }
                self.fields.insert(field, stamp.clone());
            }
        }
        true
    }

    /// Stamps a replacement of everything by `assessment` (start again, a
    /// file opened): it wins over every change made before it, anywhere.
    pub fn record_reset(&mut self, assessment: &Assessment, writer: &str, now: &str) {
        let stamp = self.next(writer, now);
        self.fields = fields(assessment)
            .into_keys()
            .map(|f| (f, stamp.clone()))
            .collect();
        self.changed = SortedMap::new();
        for (id, entry) in &assessment.plan.entries {
            self.keep_changed(id, Some(entry));
        }
        self.reset = stamp;
    }

    /// The stamps as saved with progress (see [`Stamps::from_json`]).
    pub fn to_json(&self) -> Value {
        let stamp = |s: &Stamp| json!([s.counter, s.writer]);
        // Inserted, not collected: see crate::model::sorting.
        let mut fields = serde_json::Map::new();
        for (f, s) in &self.fields {
            fields.insert(f.key(), stamp(s));
        }
        let mut changed = serde_json::Map::new();
        for (id, time) in &self.changed {
            changed.insert(
                Field::Plan(id.clone(), PlanPart::Changed).key(),
                json!(time),
            );
        }
        json!({ "reset": stamp(&self.reset), "fields": fields, "changed": changed })
    }

    /// Reads saved stamps. Anything not understood counts as never stamped,
    /// so the worst a damaged value does is make its field look old. A
    /// plan entry's stamp saved before its parts had their own (version 2)
    /// stamps each part, unless the part has a newer stamp of its own.
    pub fn from_json(value: Option<&Value>) -> Stamps {
        fn stamp(value: &Value) -> Option<Stamp> {
            match value.as_array()?.as_slice() {
                [counter, writer] => Some(Stamp {
                    counter: counter.as_u64()?,
                    writer: writer.as_str()?.to_string(),
                }),
                _ => None,
            }
        }
        let Some(object) = value.and_then(Value::as_object) else {
            return Stamps::default();
        };
        let mut fields: SortedMap<Field, Stamp> = SortedMap::new();
        let saved = object.get("fields").and_then(Value::as_object);
        for (key, value) in saved.into_iter().flatten() {
            let Some(stamp) = stamp(value) else { continue };
            for field in Field::all_from_key(key) {
                match fields.get(&field) {
                    Some(held) if *held >= stamp => {}
                    _ => {
                        fields.insert(field, stamp.clone());
                    }
                }
            }
        }
        // When entries last changed (saved since this was kept with the
        // stamps); an entry saved without it keeps the time it holds.
        let mut changed = SortedMap::new();
        let times = object.get("changed").and_then(Value::as_object);
        for (key, time) in times.into_iter().flatten() {
            if let (Some(Field::Plan(id, PlanPart::Changed)), Some(time)) =
                (Field::from_key(key), time.as_str())
            {
                changed.insert(id, time.to_string());
            }
        }
        Stamps {
            reset: object.get("reset").and_then(stamp).unwrap_or_default(),
            fields,
            changed,
        }
    }
}

/// A stamp for a change made now by `writer`, above `highest` (the highest
/// counter seen) and no earlier than the clock (`now`, an ISO 8601 time).
pub fn stamp_after(highest: u64, writer: &str, now: &str) -> Stamp {
    Stamp {
        counter: highest
            .saturating_add(1)
            .max(millis_since_1970(now).unwrap_or(0)),
        writer: writer.to_string(),
    }
}

/// An assessment with the stamps of its fields.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Stamped {
    pub assessment: Assessment,
    pub stamps: Stamps,
}

impl Stamped {
    /// A copy of answers and stamps that are held apart (the state and a
    /// pending save share them by `Rc`), for the merge or a file.
    pub fn copy_of(assessment: &Assessment, stamps: &Stamps) -> Stamped {
        Stamped {
            assessment: assessment.clone(),
            stamps: stamps.clone(),
        }
    }
}

/// Every field of an assessment that holds something.
pub fn fields(a: &Assessment) -> SortedMap<Field, FieldValue> {
    let mut out = SortedMap::new();
    for (id, answer) in &a.answers {
        if let Some(response) = answer.response {
            out.insert(Field::Response(id.clone()), FieldValue::Response(response));
        }
        if !answer.note.is_empty() {
            out.insert(
                Field::Note(id.clone()),
                FieldValue::Text(answer.note.clone()),
            );
        }
    }
    let context = &a.context;
    for (field, text) in [
        (Field::Area, &context.area),
        (Field::Organisation, &context.organisation),
        (Field::Partners, &context.partners),
        (Field::Story, &a.story),
    ] {
        if !text.is_empty() {
            out.insert(field, FieldValue::Text(text.clone()));
        }
    }
    if context.nation != Nation::NotSaid {
        out.insert(Field::Nation, FieldValue::Text(context.nation.id().into()));
    }
    for id in &context.policy_areas {
        out.insert(Field::PolicyArea(id.clone()), FieldValue::Chosen);
    }
    for (id, answer) in &a.set_aside {
        out.insert(
            Field::SetAside(id.clone()),
            FieldValue::Answer(answer.response, answer.note.clone()),
        );
    }
    for (id, entry) in &a.plan.entries {
        for part in PlanPart::ALL {
            if let Some(value) = part.value(entry) {
                out.insert(Field::Plan(id.clone(), part), value);
            }
        }
    }
    out
}

/// The fields of the details about the area that differ between two
/// versions of it: the context's part of what [`fields`] compares.
pub fn context_changes(before: &Context, after: &Context) -> Vec<Field> {
    let mut changed: Vec<Field> = [
        (Field::Area, before.area == after.area),
        (
            Field::Organisation,
            before.organisation == after.organisation,
        ),
        (Field::Partners, before.partners == after.partners),
        (Field::Nation, before.nation == after.nation),
    ]
    .into_iter()
    .filter(|(_, same)| !same)
    .map(|(field, _)| field)
    .collect();
    let only_in = |a: &Context, b: &Context| {
        a.policy_areas
            .iter()
            .filter(|id| !b.policy_areas.contains(*id))
            .map(|id| Field::PolicyArea(id.clone()))
            .collect::<Vec<_>>()
    };
    changed.extend(only_in(before, after));
    changed.extend(only_in(after, before));
    changed
}

/// Puts fields back into an assessment; `base` gives everything that is not
/// a field (the pack and the times).
fn assemble(base: &Assessment, fields: SortedMap<Field, FieldValue>) -> Assessment {
    let mut a = Assessment {
        pack_id: base.pack_id.clone(),
        pack_version: base.pack_version.clone(),
        created: base.created.clone(),
        updated: base.updated.clone(),
        ..Assessment::default()
    };
    for (field, value) in fields {
        match (field, value) {
            (Field::Response(id), FieldValue::Response(r)) => {
                a.answers.get_or_insert_with(id, Default::default).response = Some(r);
            }
            (Field::Note(id), FieldValue::Text(note)) => {
                a.answers.get_or_insert_with(id, Default::default).note = note
            }
            (Field::Area, FieldValue::Text(t)) => a.context.area = t,
            (Field::Organisation, FieldValue::Text(t)) => a.context.organisation = t,
            (Field::Partners, FieldValue::Text(t)) => a.context.partners = t,
            (Field::Story, FieldValue::Text(t)) => a.story = t,
            (Field::Nation, FieldValue::Text(t)) => {
                a.context.nation = Nation::from_id(&t).unwrap_or_default()
            }
            (Field::PolicyArea(id), FieldValue::Chosen) => {
                a.context.policy_areas.insert(id);
            }
            (Field::Plan(id, part), value) => {
                let entry = a.plan.entries.get_or_insert_with(id, Default::default);
                part.set(entry, value);
            }
            (Field::SetAside(id), FieldValue::Answer(response, note)) => {
                a.set_aside.insert(id, Answer { response, note });
            }
            // `fields` never pairs a field with another kind of value.
            _ => {}
        }
    }
    // An entry whose decisions were all cleared is not kept, though when it
    // last changed may still be known.
    let empty: Vec<ActionId> = a
        .plan
        .entries
        .iter()
        .filter(|(_, entry)| entry.is_empty())
        .map(|(id, _)| id.clone())
        .collect();
    for id in empty {
        a.plan.entries.remove(&id);
    }
    a
}

/// The two copies made one: for each field, the value with the newest stamp;
/// nothing changed before the newest reset. The same whichever copy comes
/// first, and merging a copy in twice changes nothing more.
pub fn merge(ours: &Stamped, theirs: &Stamped) -> Stamped {
    let none = Stamp::default();
    let reset = ours.stamps.reset.clone().max(theirs.stamps.reset.clone());
    let (our_fields, their_fields) = (fields(&ours.assessment), fields(&theirs.assessment));
    // Every field once, in order (as a SortedSet would give them).
    let mut all: Vec<&Field> = our_fields
        .keys()
        .chain(their_fields.keys())
        .chain(ours.stamps.fields.keys())
        .chain(theirs.stamps.fields.keys())
        .collect();
    sorting::sort(&mut all);
    all.dedup();
    let mut stamps = Stamps {
        reset: reset.clone(),
        fields: SortedMap::new(),
        changed: SortedMap::new(),
    };
    let mut merged = SortedMap::new();
    for field in all {
        let our = (
            ours.stamps.fields.get(field).unwrap_or(&none),
            side_value(ours, &our_fields, field),
        );
        let their = (
            theirs.stamps.fields.get(field).unwrap_or(&none),
            side_value(theirs, &their_fields, field),
        );
        // Equal stamps mean the same edit, so the same value; only copies
        // saved before stamps existed can differ, and the larger value wins
        // so that the result does not depend on the order.
        let (stamp, value) = our.max(their);
        if *stamp < reset {
            continue;
        }
        if *stamp != none {
            stamps.fields.insert(field.clone(), stamp.clone());
            if let (Field::Plan(id, PlanPart::Changed), Some(FieldValue::Text(time))) =
                (field, &value)
            {
                stamps.changed.insert(id.clone(), time.clone());
            }
        }
        if let Some(value) = value {
            merged.insert(field.clone(), value);
        }
    }
    let mut base = ours.assessment.clone();
    base.created = earliest(&ours.assessment.created, &theirs.assessment.created);
    base.updated = ours
        .assessment
        .updated
        .clone()
        .max(theirs.assessment.updated.clone());
    Stamped {
        assessment: assemble(&base, merged),
        stamps,
    }
}

/// One copy's value of `field` for the merge. When a plan entry last
/// changed is the time kept with its stamp, which outlives the entry; a
/// copy saved before that was kept gives the entry's own.
fn side_value(
    side: &Stamped,
    values: &SortedMap<Field, FieldValue>,
    field: &Field,
) -> Option<FieldValue> {
    if let Field::Plan(id, PlanPart::Changed) = field {
        if side.stamps.fields.get(field).is_some() {
            if let Some(time) = side.stamps.changed.get(id) {
                return Some(FieldValue::Text(time.clone()));
            }
        }
    }
    values.get(field).cloned()
}

/// The earlier of two ISO 8601 times, ignoring a missing one.
fn earliest(a: &str, b: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (true, _) => b.to_string(),
        (_, true) => a.to_string(),
        _ => a.min(b).to_string(),
    }
}

/// Milliseconds since 1970 of a UTC time as the browser writes it
/// (`2026-11-22T10:40:00.000Z`, seconds and fraction optional), or `None`.
pub fn millis_since_1970(iso: &str) -> Option<u64> {
    let (date, time) = iso.trim().split_once('T')?;
    let time = time.strip_suffix('Z')?;
    let mut date_parts = date.splitn(3, '-').map(str::parse::<i64>);
    let (year, month, day) = (
        date_parts.next()?.ok()?,
        date_parts.next()?.ok()?,
        date_parts.next()?.ok()?,
    );
    let (hms, fraction) = time.split_once('.').unwrap_or((time, ""));
    let mut time_parts = hms.splitn(3, ':').map(str::parse::<i64>);
    let hour = time_parts.next()?.ok()?;
    let minute = time_parts.next()?.ok()?;
    let second = time_parts.next().unwrap_or(Ok(0)).ok()?;
    if !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
        || !(0..24).contains(&hour)
        || !(0..60).contains(&minute)
        || !(0..=60).contains(&second)
        || !fraction.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let millis: i64 = format!("{fraction:0<3}").get(..3)?.parse().ok()?;
    // Days from 1970-01-01 to the date, in the proleptic Gregorian calendar.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    let days = era * 146_097 + day_of_era - 719_468;
    let total = ((days * 24 + hour) * 60 + minute) * 60 + second;
    u64::try_from(total * 1000 + millis).ok()
}
