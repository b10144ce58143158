//! Colour contrast (WCAG 2.2, success criteria 1.4.3 and 1.4.11), so that a
//! host's accent colour can never make the widget unreadable.
//!
//! The accent is used in four ways, each checked against the pair it makes:
//!
//! - the band panel's background, with text on it (4.5:1): the text is
//!   white, or dark when white would fall short;
//! - link hover text on white (4.5:1);
//! - chart bars and borders on white (3:1);
//!
//! and wherever a pair falls short, the default accent is used instead.

/// The default accent (GOV.UK blue).
pub const DEFAULT_ACCENT: &str = "#1d70b8";
/// Text on a light accent.
pub const DARK_TEXT: &str = "#0b0c0c";
/// Text on a dark accent.
pub const LIGHT_TEXT: &str = "#ffffff";
/// What the widget's text and graphics sit on.
pub const BACKGROUND: Rgb = Rgb(255, 255, 255);
/// The least contrast for text (WCAG 1.4.3, AA).
pub const TEXT_MINIMUM: f64 = 4.5;
/// The least contrast for graphics and focus indicators (WCAG 1.4.11).
pub const GRAPHIC_MINIMUM: f64 = 3.0;

/// A colour as 8-bit red, green and blue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// As `#rrggbb`.
    pub fn to_hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// The relative luminance (WCAG 2.2 definition), from 0 (black) to 1
    /// (white).
    pub fn luminance(self) -> f64 {
        fn channel(value: u8) -> f64 {
            let c = f64::from(value) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        }
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }
}

/// The contrast ratio of two colours, from 1 (the same) to 21 (black on
/// white). The order does not matter.
pub fn contrast_ratio(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (light, dark) = if la > lb { (la, lb) } else { (lb, la) };
    (light + 0.05) / (dark + 0.05)
}

/// Reads `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa` or a CSS colour name
/// (any case). A colour with transparency is taken as it shows on white.
/// Anything else (including `transparent` and `currentcolor`, whose look
/// cannot be known here) is `None`.
pub fn parse_colour(text: &str) -> Option<Rgb> {
    let text = text.trim();
    if let Some(hex) = text.strip_prefix('#') {
        return parse_hex(hex);
    }
    let name = text.to_ascii_lowercase();
    NAMED
        .binary_search_by(|(n, _)| n.cmp(&name.as_str()))
        .ok()
        .map(|i| {
            let v = NAMED[i].1;
            Rgb((v >> 16) as u8, (v >> 8) as u8, v as u8)
        })
}

fn parse_hex(hex: &str) -> Option<Rgb> {
    if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let digit = |i: usize| u8::from_str_radix(&hex[i..=i], 16).ok();
    let pair = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    let (r, g, b, a) = match hex.len() {
        3 | 4 => (
            digit(0)? * 17,
            digit(1)? * 17,
            digit(2)? * 17,
            if hex.len() == 4 { digit(3)? * 17 } else { 255 },
        ),
        6 | 8 => (
            pair(0)?,
            pair(2)?,
            pair(4)?,
            if hex.len() == 8 { pair(6)? } else { 255 },
        ),
        _ => return None,
    };
    Some(over_background(Rgb(r, g, b), a))
}

/// A colour with alpha `alpha` (0 to 255) as it shows on [`BACKGROUND`].
fn over_background(colour: Rgb, alpha: u8) -> Rgb {
    let mix = |c: u8, bg: u8| {
        let a = u32::from(alpha);
        ((u32::from(c) * a + u32::from(bg) * (255 - a) + 127) / 255) as u8
    };
    Rgb(
        mix(colour.0, BACKGROUND.0),
        mix(colour.1, BACKGROUND.1),
        mix(colour.2, BACKGROUND.2),
    )
}

/// The colours the widget uses for one accent, each readable on what it
/// sits on. All are `#rrggbb`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccentColours {
    /// The band panel's background.
    pub panel: String,
    /// Text on the band panel.
    pub panel_text: String,
    /// Link hover text on white (4.5:1).
    pub link: String,
    /// Chart bars, borders and other graphics on white (3:1).
    pub graphic: String,
}

impl AccentColours {
    /// The colours for a host's accent (or the default, for `None` or a
    /// colour that cannot be read).
    pub fn for_accent(accent: Option<&str>) -> AccentColours {
        let default = parse_colour(DEFAULT_ACCENT).unwrap_or(Rgb(29, 112, 184));
        let accent = accent.and_then(parse_colour).unwrap_or(default);
        let on_white = contrast_ratio(accent, BACKGROUND);
        let pick = |minimum: f64| {
            if on_white >= minimum {
                accent
            } else {
                default
            }
        };
        let light = parse_colour(LIGHT_TEXT).unwrap_or(BACKGROUND);
        let dark = parse_colour(DARK_TEXT).unwrap_or(Rgb(0, 0, 0));
        let (panel, panel_text) = if contrast_ratio(light, accent) >= TEXT_MINIMUM {
            (accent, light)
        } else if contrast_ratio(dark, accent) >= TEXT_MINIMUM {
            (accent, dark)
        } else {
            (default, light)
        };
        AccentColours {
            panel: panel.to_hex(),
            panel_text: panel_text.to_hex(),
            link: pick(TEXT_MINIMUM).to_hex(),
            graphic: pick(GRAPHIC_MINIMUM).to_hex(),
        }
    }

    /// The custom properties the stylesheets read, with their values.
    pub fn properties(&self) -> [(&'static str, &str); 4] {
        [
            ("--rts-accent", &self.panel),
            ("--rts-accent-text", &self.panel_text),
            ("--rts-accent-link", &self.link),
            ("--rts-accent-graphic", &self.graphic),
        ]
    }
}

/// The CSS named colours (CSS Color Module Level 4), sorted by name.
const NAMED: &[(&str, u32)] = &[
    ("aliceblue", 0xf0f8ff),
    ("antiquewhite", 0xfaebd7),
    ("aqua", 0x00ffff),
    ("aquamarine", 0x7fffd4),
    ("azure", 0xf0ffff),
    ("beige", 0xf5f5dc),
    ("bisque", 0xffe4c4),
    ("black", 0x000000),
    ("blanchedalmond", 0xffebcd),
    ("blue", 0x0000ff),
    ("blueviolet", 0x8a2be2),
    ("brown", 0xa52a2a),
    ("burlywood", 0xdeb887),
    ("cadetblue", 0x5f9ea0),
    ("chartreuse", 0x7fff00),
    ("chocolate", 0xd2691e),
    ("coral", 0xff7f50),
    ("cornflowerblue", 0x6495ed),
    ("cornsilk", 0xfff8dc),
    ("crimson", 0xdc143c),
    ("cyan", 0x00ffff),
    ("darkblue", 0x00008b),
    ("darkcyan", 0x008b8b),
    ("darkgoldenrod", 0xb8860b),
    ("darkgray", 0xa9a9a9),
    ("darkgreen", 0x006400),
    ("darkgrey", 0xa9a9a9),
    ("darkkhaki", 0xbdb76b),
    ("darkmagenta", 0x8b008b),
    ("darkolivegreen", 0x556b2f),
    ("darkorange", 0xff8c00),
    ("darkorchid", 0x9932cc),
    ("darkred", 0x8b0000),
    ("darksalmon", 0xe9967a),
    ("darkseagreen", 0x8fbc8f),
    ("darkslateblue", 0x483d8b),
    ("darkslategray", 0x2f4f4f),
    ("darkslategrey", 0x2f4f4f),
    ("darkturquoise", 0x00ced1),
    ("darkviolet", 0x9400d3),
    ("deeppink", 0xff1493),
    ("deepskyblue", 0x00bfff),
    ("dimgray", 0x696969),
    ("dimgrey", 0x696969),
    ("dodgerblue", 0x1e90ff),
    ("firebrick", 0xb22222),
    ("floralwhite", 0xfffaf0),
    ("forestgreen", 0x228b22),
    ("fuchsia", 0xff00ff),
    ("gainsboro", 0xdcdcdc),
    ("ghostwhite", 0xf8f8ff),
    ("gold", 0xffd700),
    ("goldenrod", 0xdaa520),
    ("gray", 0x808080),
    ("green", 0x008000),
    ("greenyellow", 0xadff2f),
    ("grey", 0x808080),
    ("honeydew", 0xf0fff0),
    ("hotpink", 0xff69b4),
    ("indianred", 0xcd5c5c),
    ("indigo", 0x4b0082),
    ("ivory", 0xfffff0),
    ("khaki", 0xf0e68c),
    ("lavender", 0xe6e6fa),
    ("lavenderblush", 0xfff0f5),
    ("lawngreen", 0x7cfc00),
    ("lemonchiffon", 0xfffacd),
    ("lightblue", 0xadd8e6),
    ("lightcoral", 0xf08080),
    ("lightcyan", 0xe0ffff),
    ("lightgoldenrodyellow", 0xfafad2),
    ("lightgray", 0xd3d3d3),
    ("lightgreen", 0x90ee90),
    ("lightgrey", 0xd3d3d3),
    ("lightpink", 0xffb6c1),
    ("lightsalmon", 0xffa07a),
    ("lightseagreen", 0x20b2aa),
    ("lightskyblue", 0x87cefa),
    ("lightslategray", 0x778899),
    ("lightslategrey", 0x778899),
    ("lightsteelblue", 0xb0c4de),
    ("lightyellow", 0xffffe0),
    ("lime", 0x00ff00),
    ("limegreen", 0x32cd32),
    ("linen", 0xfaf0e6),
    ("magenta", 0xff00ff),
    ("maroon", 0x800000),
    ("mediumaquamarine", 0x66cdaa),
    ("mediumblue", 0x0000cd),
    ("mediumorchid", 0xba55d3),
    ("mediumpurple", 0x9370db),
    ("mediumseagreen", 0x3cb371),
    ("mediumslateblue", 0x7b68ee),
    ("mediumspringgreen", 0x00fa9a),
    ("mediumturquoise", 0x48d1cc),
    ("mediumvioletred", 0xc71585),
    ("midnightblue", 0x191970),
    ("mintcream", 0xf5fffa),
    ("mistyrose", 0xffe4e1),
    ("moccasin", 0xffe4b5),
    ("navajowhite", 0xffdead),
    ("navy", 0x000080),
    ("oldlace", 0xfdf5e6),
    ("olive", 0x808000),
    ("olivedrab", 0x6b8e23),
    ("orange", 0xffa500),
    ("orangered", 0xff4500),
    ("orchid", 0xda70d6),
    ("palegoldenrod", 0xeee8aa),
    ("palegreen", 0x98fb98),
    ("paleturquoise", 0xafeeee),
    ("palevioletred", 0xdb7093),
    ("papayawhip", 0xffefd5),
    ("peachpuff", 0xffdab9),
    ("peru", 0xcd853f),
    ("pink", 0xffc0cb),
    ("plum", 0xdda0dd),
    ("powderblue", 0xb0e0e6),
    ("purple", 0x800080),
    ("rebeccapurple", 0x663399),
    ("red", 0xff0000),
    ("rosybrown", 0xbc8f8f),
    ("royalblue", 0x4169e1),
    ("saddlebrown", 0x8b4513),
    ("salmon", 0xfa8072),
    ("sandybrown", 0xf4a460),
    ("seagreen", 0x2e8b57),
    ("seashell", 0xfff5ee),
    ("sienna", 0xa0522d),
    ("silver", 0xc0c0c0),
    ("skyblue", 0x87ceeb),
    ("slateblue", 0x6a5acd),
    ("slategray", 0x708090),
    ("slategrey", 0x708090),
    ("snow", 0xfffafa),
    ("springgreen", 0x00ff7f),
    ("steelblue", 0x4682b4),
    ("tan", 0xd2b48c),
    ("teal", 0x008080),
    ("thistle", 0xd8bfd8),
    ("tomato", 0xff6347),
    ("turquoise", 0x40e0d0),
    ("violet", 0xee82ee),
    ("wheat", 0xf5deb3),
    ("white", 0xffffff),
    ("whitesmoke", 0xf5f5f5),
    ("yellow", 0xffff00),
    ("yellowgreen", 0x9acd32),
];
