//! The words and questions this widget shows: the language built in, or the
//! language the loader fetched, and a partner's own pack in place of the
//! built-in questions. Worked out again only when one of those changes, so
//! switching language keeps the state (answers, notes, the screen) as it is.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::content::ContentPack;
use crate::model::languages::{built_in, read_language};
use crate::model::locale::Locale;
use crate::options::{LanguageFiles, MountOptions, PartnerPack};

/// What the widget shows, and anything to tell people about how it chose.
#[derive(PartialEq)]
pub struct Chosen {
    pub locale: Rc<Locale>,
    pub pack: Rc<ContentPack>,
    /// A partner's pack was refused: its problems (the built-in pack is used).
    pub pack_problems: Option<Vec<String>>,
    /// The language asked for could not be read: why (the built-in one is used).
    pub language_problem: Option<String>,
}

#[hook]
pub fn use_language(options: &MountOptions) -> Rc<Chosen> {
    use_memo(
        (options.language_files.clone(), options.partner_pack.clone()),
        |(files, partner)| choose(files.as_ref(), partner.as_ref()),
    )
}

fn choose(files: Option<&LanguageFiles>, partner: Option<&PartnerPack>) -> Chosen {
    let (in_language, language_problem) = match files {
        None => (built_in(), None),
        Some(LanguageFiles { language, files }) => match files {
            Ok((words, pack)) => match read_language(*language, words, pack) {
                Ok(chosen) => (chosen, None),
                Err(reason) => (built_in(), Some(reason)),
            },
            Err(reason) => (built_in(), Some(reason.clone())),
        },
    };
    let locale = in_language.locale;
    let (pack, pack_problems) = match partner {
        None => (in_language.pack, None),
        Some(partner) => {
            let text = partner.text.as_deref().map_err(String::as_str);
            match ContentPack::load_partner(&partner.source, text, &locale) {
                Ok(pack) => (pack, None),
                Err(problems) => (in_language.pack, Some(problems)),
            }
        }
    };
    Chosen {
        locale: Rc::new(locale),
        pack: Rc::new(pack),
        pack_problems,
        language_problem,
    }
}
