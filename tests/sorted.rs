//! The model's sorted map and set (model::sorted) against the standard
//! library's `BTreeMap` and `BTreeSet` as the oracle: random sequences of
//! inserts, removes and look-ups, with everything the two can show compared
//! after each step (entries in order, the length, the debug text, the JSON).
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/cases.rs"]
mod cases;

use std::borrow::Borrow;
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;
use ready_to_share::model::sorted::{SortedMap, SortedSet};
use serde::{Serialize, Serializer};

/// A key ordered by its text only, with a tag that is not: it shows which
/// of two equal keys a map or set keeps.
#[derive(Debug, Clone)]
struct Key(String, u8);

impl PartialEq for Key {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

impl Eq for Key {}

impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Key {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.cmp(&other.0)
    }
}

/// Ordered as its text is, so looking up by `&str` is sound.
impl Borrow<str> for Key {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl Serialize for Key {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

/// A few texts, so that keys meet often; byte order, not letter order,
/// decides ("Z" before "a", "é" after "z").
fn text() -> impl Strategy<Value = String> {
    prop::sample::select(vec!["", "a", "ab", "b", "Z", "z", "é", "a\u{0}", "10", "9"])
        .prop_map(String::from)
}

fn key() -> impl Strategy<Value = Key> {
    (text(), any::<u8>()).prop_map(|(text, tag)| Key(text, tag))
}

#[derive(Debug, Clone)]
enum MapOp {
    Insert(Key, u16),
    Remove(String),
    Get(String),
    GetOrInsertWith(Key, u16),
}

fn map_op() -> impl Strategy<Value = MapOp> {
    prop_oneof![
        4 => (key(), any::<u16>()).prop_map(|(k, v)| MapOp::Insert(k, v)),
        2 => text().prop_map(MapOp::Remove),
        2 => text().prop_map(MapOp::Get),
        2 => (key(), any::<u16>()).prop_map(|(k, v)| MapOp::GetOrInsertWith(k, v)),
    ]
}

/// Everything a map holds, tags included, in iteration order.
fn map_entries<'a>(pairs: impl Iterator<Item = (&'a Key, &'a u16)>) -> Vec<(String, u8, u16)> {
    pairs.map(|(k, v)| (k.0.clone(), k.1, *v)).collect()
}

/// Applies one step to both maps, checking what each step gives back.
fn apply_map(ours: &mut SortedMap<Key, u16>, oracle: &mut BTreeMap<Key, u16>, op: MapOp) {
    match op {
        MapOp::Insert(k, v) => assert_eq!(ours.insert(k.clone(), v), oracle.insert(k, v)),
        MapOp::Remove(k) => assert_eq!(ours.remove(k.as_str()), oracle.remove(k.as_str())),
        MapOp::Get(k) => {
            assert_eq!(ours.get(k.as_str()), oracle.get(k.as_str()));
            assert_eq!(
                ours.contains_key(k.as_str()),
                oracle.contains_key(k.as_str())
            );
        }
        MapOp::GetOrInsertWith(k, v) => {
            let mine = ours.get_or_insert_with(k.clone(), || v);
            let theirs = oracle.entry(k).or_insert(v);
            assert_eq!(*mine, *theirs);
            *mine = mine.wrapping_add(1);
            *theirs = theirs.wrapping_add(1);
        }
    }
}

fn assert_same_map(ours: &SortedMap<Key, u16>, oracle: &BTreeMap<Key, u16>) {
    let expected = map_entries(oracle.iter());
    assert_eq!(map_entries(ours.iter()), expected);
    assert_eq!(map_entries(ours.into_iter()), expected);
    assert_eq!(
        ours.keys().map(|k| (k.0.clone(), k.1)).collect::<Vec<_>>(),
        oracle
            .keys()
            .map(|k| (k.0.clone(), k.1))
            .collect::<Vec<_>>()
    );
    assert_eq!(
        ours.values().collect::<Vec<_>>(),
        oracle.values().collect::<Vec<_>>()
    );
    assert_eq!(ours.len(), oracle.len());
    assert_eq!(ours.is_empty(), oracle.is_empty());
    assert_eq!(format!("{ours:?}"), format!("{oracle:?}"));
}

fn build_map(ops: &[MapOp]) -> (SortedMap<Key, u16>, BTreeMap<Key, u16>) {
    let (mut ours, mut oracle) = (SortedMap::new(), BTreeMap::new());
    for op in ops {
        apply_map(&mut ours, &mut oracle, op.clone());
        assert_same_map(&ours, &oracle);
    }
    (ours, oracle)
}

#[derive(Debug, Clone)]
enum SetOp {
    Insert(Key),
    Remove(String),
    Contains(String),
}

fn set_op() -> impl Strategy<Value = SetOp> {
    prop_oneof![
        4 => key().prop_map(SetOp::Insert),
        2 => text().prop_map(SetOp::Remove),
        2 => text().prop_map(SetOp::Contains),
    ]
}

fn set_items<'a>(items: impl Iterator<Item = &'a Key>) -> Vec<(String, u8)> {
    items.map(|k| (k.0.clone(), k.1)).collect()
}

fn assert_same_set(ours: &SortedSet<Key>, oracle: &BTreeSet<Key>) {
    let expected = set_items(oracle.iter());
    assert_eq!(set_items(ours.iter()), expected);
    assert_eq!(set_items(ours.into_iter()), expected);
    assert_eq!(format!("{ours:?}"), format!("{oracle:?}"));
}

fn build_set(ops: &[SetOp]) -> (SortedSet<Key>, BTreeSet<Key>) {
    let (mut ours, mut oracle) = (SortedSet::new(), BTreeSet::new());
    for op in ops {
        match op.clone() {
            SetOp::Insert(k) => assert_eq!(ours.insert(k.clone()), oracle.insert(k)),
            SetOp::Remove(k) => assert_eq!(ours.remove(k.as_str()), oracle.remove(k.as_str())),
            SetOp::Contains(k) => {
                assert_eq!(ours.contains(k.as_str()), oracle.contains(k.as_str()))
            }
        }
        assert_same_set(&ours, &oracle);
    }
    (ours, oracle)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases::cases(512)))]

    #[test]
    fn the_map_does_what_a_btree_map_does(ops in prop::collection::vec(map_op(), 0..60)) {
        let (ours, oracle) = build_map(&ops);
        let owned: Vec<(String, u8, u16)> =
            ours.clone().into_iter().map(|(k, v)| (k.0, k.1, v)).collect();
        prop_assert_eq!(owned, map_entries(oracle.iter()));
        prop_assert_eq!(
            ours.clone().into_keys().map(|k| (k.0, k.1)).collect::<Vec<_>>(),
            oracle.clone().into_keys().map(|k| (k.0, k.1)).collect::<Vec<_>>()
        );
        assert_same_map(&ours.clone(), &oracle);
    }

    #[test]
    fn the_map_writes_the_json_a_btree_map_writes(ops in prop::collection::vec(map_op(), 0..30)) {
        let (ours, oracle) = build_map(&ops);
        prop_assert_eq!(
            serde_json::to_string(&ours).unwrap(),
            serde_json::to_string(&oracle).unwrap()
        );
        prop_assert_eq!(
            serde_json::to_string_pretty(&ours).unwrap(),
            serde_json::to_string_pretty(&oracle).unwrap()
        );
    }

    #[test]
    fn collecting_a_map_inserts_each_pair_in_turn(
        pairs in prop::collection::vec((key(), any::<u16>()), 0..40)
    ) {
        let ours: SortedMap<Key, u16> = pairs.iter().cloned().collect();
        let mut oracle = BTreeMap::new();
        for (k, v) in pairs.iter().cloned() {
            oracle.insert(k, v);
        }
        assert_same_map(&ours, &oracle);
        // So the last value for a key wins, as when collecting a BTreeMap
        // (which keeps the last key too: the tags are left out here).
        let collected: BTreeMap<Key, u16> = pairs.into_iter().collect();
        let untagged = |entries: Vec<(String, u8, u16)>| -> Vec<(String, u16)> {
            entries.into_iter().map(|(k, _, v)| (k, v)).collect()
        };
        prop_assert_eq!(
            untagged(map_entries(ours.iter())),
            untagged(map_entries(collected.iter()))
        );
    }

    #[test]
    fn maps_are_equal_when_btree_maps_are(
        a in prop::collection::vec(map_op(), 0..8),
        b in prop::collection::vec(map_op(), 0..8),
    ) {
        let ((ours_a, oracle_a), (ours_b, oracle_b)) = (build_map(&a), build_map(&b));
        prop_assert_eq!(ours_a == ours_b, oracle_a == oracle_b);
    }

    #[test]
    fn the_set_does_what_a_btree_set_does(ops in prop::collection::vec(set_op(), 0..60)) {
        let (ours, oracle) = build_set(&ops);
        assert_same_set(&ours.clone(), &oracle);
    }

    #[test]
    fn collecting_a_set_inserts_each_item_in_turn(
        items in prop::collection::vec(key(), 0..40)
    ) {
        let ours: SortedSet<Key> = items.iter().cloned().collect();
        let mut oracle = BTreeSet::new();
        for k in items {
            oracle.insert(k);
        }
        assert_same_set(&ours, &oracle);
    }

    #[test]
    fn sets_are_equal_when_btree_sets_are(
        a in prop::collection::vec(set_op(), 0..8),
        b in prop::collection::vec(set_op(), 0..8),
    ) {
        let ((ours_a, oracle_a), (ours_b, oracle_b)) = (build_set(&a), build_set(&b));
        prop_assert_eq!(ours_a == ours_b, oracle_a == oracle_b);
    }
}

#[test]
fn a_set_from_an_array_is_sorted_once_each() {
    let set = SortedSet::from(["pear", "fig", "pear", "apple"]);
    assert_eq!(
        set.iter().copied().collect::<Vec<_>>(),
        ["apple", "fig", "pear"]
    );
}

#[test]
fn an_empty_map_writes_an_empty_object() {
    let empty: SortedMap<String, u8> = SortedMap::default();
    assert_eq!(serde_json::to_string_pretty(&empty).unwrap(), "{}");
    let one: SortedMap<&str, u8> = [("b", 2), ("a", 1)].into_iter().collect();
    assert_eq!(
        serde_json::to_string_pretty(&one).unwrap(),
        "{\n  \"a\": 1,\n  \"b\": 2\n}"
    );
}
