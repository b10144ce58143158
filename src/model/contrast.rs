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
                power_2_4((c + 0.055) / 1.055)
            }
        }
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }
}

/// `x` to the power 2.4, for `x` in (0, 1]: x² times the fifth root of x²,
/// by Newton's method, so no maths library is linked into the wasm.
fn power_2_4(x: f64) -> f64 {
    let square = x * x;
    let mut root = 1.0;
    for _ in 0..40 {
        let fourth = root * root * root * root;
        root = (4.0 * root + square / fourth) / 5.0;
    }
    square * root
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
        .split(',')
        .find_map(|pair| pair.strip_prefix(name.as_str())?.strip_prefix(':'))
        .and_then(parse_hex)
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
/// The CSS named colours (CSS Color Module Level 4) as `name:rrggbb,`
/// pairs: one string rather than a table, to keep the wasm small.
const NAMED: &str = concat!(
    "aliceblue:f0f8ff,antiquewhite:faebd7,aqua:00ffff,aquamarine:7fffd4,azure:f0ffff,",
    "beige:f5f5dc,bisque:ffe4c4,black:000000,blanchedalmond:ffebcd,blue:0000ff,",
    "blueviolet:8a2be2,brown:a52a2a,burlywood:deb887,cadetblue:5f9ea0,",
    "chartreuse:7fff00,chocolate:d2691e,coral:ff7f50,cornflowerblue:6495ed,",
    "cornsilk:fff8dc,crimson:dc143c,cyan:00ffff,darkblue:00008b,darkcyan:008b8b,",
    "darkgoldenrod:b8860b,darkgray:a9a9a9,darkgreen:006400,darkgrey:a9a9a9,",
    "darkkhaki:bdb76b,darkmagenta:8b008b,darkolivegreen:556b2f,darkorange:ff8c00,",
    "darkorchid:9932cc,darkred:8b0000,darksalmon:e9967a,darkseagreen:8fbc8f,",
    "darkslateblue:483d8b,darkslategray:2f4f4f,darkslategrey:2f4f4f,",
    "darkturquoise:00ced1,darkviolet:9400d3,deeppink:ff1493,deepskyblue:00bfff,",
    "dimgray:696969,dimgrey:696969,dodgerblue:1e90ff,firebrick:b22222,",
    "floralwhite:fffaf0,forestgreen:228b22,fuchsia:ff00ff,gainsboro:dcdcdc,",
    "ghostwhite:f8f8ff,gold:ffd700,goldenrod:daa520,gray:808080,green:008000,",
    "greenyellow:adff2f,grey:808080,honeydew:f0fff0,hotpink:ff69b4,indianred:cd5c5c,",
    "indigo:4b0082,ivory:fffff0,khaki:f0e68c,lavender:e6e6fa,lavenderblush:fff0f5,",
    "lawngreen:7cfc00,lemonchiffon:fffacd,lightblue:add8e6,lightcoral:f08080,",
    "lightcyan:e0ffff,lightgoldenrodyellow:fafad2,lightgray:d3d3d3,lightgreen:90ee90,",
    "lightgrey:d3d3d3,lightpink:ffb6c1,lightsalmon:ffa07a,lightseagreen:20b2aa,",
    "lightskyblue:87cefa,lightslategray:778899,lightslategrey:778899,",
    "lightsteelblue:b0c4de,lightyellow:ffffe0,lime:00ff00,limegreen:32cd32,",
    "linen:faf0e6,magenta:ff00ff,maroon:800000,mediumaquamarine:66cdaa,",
    "mediumblue:0000cd,mediumorchid:ba55d3,mediumpurple:9370db,mediumseagreen:3cb371,",
    "mediumslateblue:7b68ee,mediumspringgreen:00fa9a,mediumturquoise:48d1cc,",
    "mediumvioletred:c71585,midnightblue:191970,mintcream:f5fffa,mistyrose:ffe4e1,",
    "moccasin:ffe4b5,navajowhite:ffdead,navy:000080,oldlace:fdf5e6,olive:808000,",
    "olivedrab:6b8e23,orange:ffa500,orangered:ff4500,orchid:da70d6,",
    "palegoldenrod:eee8aa,palegreen:98fb98,paleturquoise:afeeee,palevioletred:db7093,",
    "papayawhip:ffefd5,peachpuff:ffdab9,peru:cd853f,pink:ffc0cb,plum:dda0dd,",
    "powderblue:b0e0e6,purple:800080,rebeccapurple:663399,red:ff0000,",
    "rosybrown:bc8f8f,royalblue:4169e1,saddlebrown:8b4513,salmon:fa8072,",
    "sandybrown:f4a460,seagreen:2e8b57,seashell:fff5ee,sienna:a0522d,silver:c0c0c0,",
    "skyblue:87ceeb,slateblue:6a5acd,slategray:708090,slategrey:708090,snow:fffafa,",
    "springgreen:00ff7f,steelblue:4682b4,tan:d2b48c,teal:008080,thistle:d8bfd8,",
    "tomato:ff6347,turquoise:40e0d0,violet:ee82ee,wheat:f5deb3,white:ffffff,",
    "whitesmoke:f5f5f5,yellow:ffff00,yellowgreen:9acd32,",
);
