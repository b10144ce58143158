//! The WCAG contrast ratio against known pairs, and the colours chosen for a
//! host's accent.
#![cfg(not(target_arch = "wasm32"))]

use ready_to_share::model::contrast::{
    contrast_ratio, parse_colour, AccentColours, Rgb, DARK_TEXT, DEFAULT_ACCENT, GRAPHIC_MINIMUM,
    LIGHT_TEXT, TEXT_MINIMUM,
};

const WHITE: Rgb = Rgb(255, 255, 255);
const BLACK: Rgb = Rgb(0, 0, 0);

fn colour(text: &str) -> Rgb {
    parse_colour(text).unwrap_or_else(|| panic!("{text} is a colour"))
}

fn ratio(a: &str, b: &str) -> f64 {
    contrast_ratio(colour(a), colour(b))
}

/// Rounded to two places, as contrast checkers show it.
fn rounded(r: f64) -> f64 {
    (r * 100.0).round() / 100.0
}

#[test]
fn known_pairs_have_their_published_ratios() {
    assert_eq!(rounded(contrast_ratio(BLACK, WHITE)), 21.0);
    assert_eq!(rounded(contrast_ratio(WHITE, WHITE)), 1.0);
    // GOV.UK blue, text colour and focus yellow on white.
    assert_eq!(rounded(ratio("#ffffff", "#1d70b8")), 5.17);
    assert_eq!(rounded(ratio("#0b0c0c", "#ffffff")), 19.59);
    assert_eq!(rounded(ratio("#ffffff", "#ffdd00")), 1.35);
    assert_eq!(rounded(ratio("white", "yellow")), 1.07);
    assert_eq!(rounded(ratio("#777", "#fff")), 4.48);
    assert_eq!(rounded(ratio("#767676", "#fff")), 4.54);
    assert_eq!(rounded(ratio("red", "white")), 4.0);
}

#[test]
fn the_order_of_the_pair_does_not_matter() {
    for (a, b) in [
        ("#1d70b8", "#fff"),
        ("yellow", "navy"),
        ("#d4351c", "#0b0c0c"),
    ] {
        assert_eq!(ratio(a, b), ratio(b, a));
    }
}

#[test]
fn colours_are_read_in_every_form_a_host_may_give() {
    assert_eq!(parse_colour("#1d70b8"), Some(Rgb(0x1d, 0x70, 0xb8)));
    assert_eq!(parse_colour("#1D70B8"), Some(Rgb(0x1d, 0x70, 0xb8)));
    assert_eq!(parse_colour("#fd0"), Some(Rgb(0xff, 0xdd, 0x00)));
    assert_eq!(parse_colour(" Yellow "), Some(Rgb(255, 255, 0)));
    assert_eq!(parse_colour("rebeccapurple"), Some(Rgb(0x66, 0x33, 0x99)));
    // Transparency is taken as it shows on white.
    assert_eq!(parse_colour("#00000000"), Some(WHITE));
    assert_eq!(parse_colour("#000f"), Some(BLACK));
    for unreadable in [
        "",
        "#",
        "#12",
        "#12345",
        "#ggg",
        "transparent",
        "currentcolor",
        "notacolour",
    ] {
        assert_eq!(parse_colour(unreadable), None, "{unreadable:?}");
    }
}

fn check(colours: &AccentColours) {
    assert!(
        ratio(&colours.panel_text, &colours.panel) >= TEXT_MINIMUM,
        "{colours:?}"
    );
    assert!(ratio(&colours.link, "#fff") >= TEXT_MINIMUM, "{colours:?}");
    assert!(
        ratio(&colours.graphic, "#fff") >= GRAPHIC_MINIMUM,
        "{colours:?}"
    );
}

#[test]
fn the_default_accent_keeps_white_text() {
    let colours = AccentColours::for_accent(None);
    assert_eq!(colours.panel, DEFAULT_ACCENT);
    assert_eq!(colours.panel_text, LIGHT_TEXT);
    assert_eq!(colours.link, DEFAULT_ACCENT);
    assert_eq!(colours.graphic, DEFAULT_ACCENT);
    check(&colours);
}

#[test]
fn a_dark_accent_is_used_everywhere() {
    let colours = AccentColours::for_accent(Some("#4c2c92"));
    assert_eq!(colours.panel, "#4c2c92");
    assert_eq!(colours.panel_text, LIGHT_TEXT);
    assert_eq!(colours.link, "#4c2c92");
    assert_eq!(colours.graphic, "#4c2c92");
    check(&colours);
}

#[test]
fn a_light_accent_gets_dark_text_and_the_default_for_links_and_bars() {
    for light in ["#ffdd00", "yellow", "#fd0", "white", "gold"] {
        let colours = AccentColours::for_accent(Some(light));
        assert_eq!(colours.panel, colour(light).to_hex(), "{light}");
        assert_eq!(colours.panel_text, DARK_TEXT, "{light}");
        assert_eq!(colours.link, DEFAULT_ACCENT, "{light}");
        assert_eq!(colours.graphic, DEFAULT_ACCENT, "{light}");
        check(&colours);
    }
}

#[test]
fn a_middle_accent_is_kept_for_bars_but_not_for_link_text() {
    // Red on white is 4:1: enough for a bar (3:1), not for text (4.5:1).
    let colours = AccentColours::for_accent(Some("red"));
    assert_eq!(colours.graphic, "#ff0000");
    assert_eq!(colours.link, DEFAULT_ACCENT);
    assert_eq!(colours.panel_text, DARK_TEXT);
    check(&colours);
}

#[test]
fn an_unreadable_accent_falls_back_to_the_default() {
    for odd in ["transparent", "currentcolor", "inherit"] {
        assert_eq!(
            AccentColours::for_accent(Some(odd)),
            AccentColours::for_accent(None)
        );
    }
}

#[test]
fn every_grey_gives_readable_pairs() {
    for v in 0..=255u8 {
        let colours = AccentColours::for_accent(Some(&Rgb(v, v, v).to_hex()));
        check(&colours);
    }
    for hex in (0..0x1000u32).step_by(7) {
        let colours = AccentColours::for_accent(Some(&format!("#{hex:03x}")));
        check(&colours);
    }
}

#[test]
fn every_named_colour_is_found() {
    for name in [
        "aliceblue",
        "navy",
        "yellowgreen",
        "grey",
        "gray",
        "lightgoldenrodyellow",
    ] {
        assert!(parse_colour(name).is_some(), "{name}");
    }
}
