//! One stable sort for the whole model. Each `sort_by` on a new element
//! type puts another 3 to 7 KB of sorting code in the wasm; these sort
//! positions (`usize`) with a comparator behind `dyn`, so that code is there
//! once, and move the items into place after. The lists sorted here are a
//! few hundred items at most.
//!
//! The model's maps and sets (crate::model::sorted) never sort: collecting
//! into one inserts each item in turn.

use std::cmp::Ordering;

/// Like `slice::sort_by`: stable, so equal items keep their order.
pub fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// Like `slice::sort_by_key`: stable, the key taken at each comparison.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Like `slice::sort`.
pub fn sort<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, T::cmp);
}

/// The positions `0..len` in the order `compare` gives them, stably.
fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|a, b| compare(*a, *b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_library_and_keeps_equal_items_in_order() {
        let words = [
            "pear", "fig", "apple", "kiwi", "fig", "date", "plum", "lime", "yam",
        ];
        let mut ours: Vec<(usize, &str)> = words.iter().copied().enumerate().collect();
        let mut std_sorted = ours.clone();
        sort_by_key(&mut ours, |(_, w)| w.len());
        std_sorted.sort_by_key(|(_, w)| w.len());
        assert_eq!(ours, std_sorted);
        assert_eq!(
            ours.iter().map(|(i, _)| *i).collect::<Vec<_>>(),
            [1, 4, 8, 0, 3, 5, 6, 7, 2]
        );

        let mut numbers = vec![5u8, 3, 9, 1, 3, 0, 255];
        sort(&mut numbers);
        assert_eq!(numbers, [0, 1, 3, 3, 5, 9, 255]);

        let mut reversed = vec!["b", "c", "a"];
        sort_by(&mut reversed, |a, b| b.cmp(a));
        assert_eq!(reversed, ["c", "b", "a"]);

        let mut empty: Vec<String> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
    }
}
