//! What the widget changes on the page around its own tree: the document's
//! title (only on the tool's own pages) and the accent colours on its root.

use yew::NodeRef;

/// Whether the widget is the page itself: the standalone page, the iframe
/// page and the offline copy mount it inside `<main id="rts-root">` in the
/// document; a host's `<ready-to-share>` element mounts it in a shadow root.
fn owns_page(app: &web_sys::Element) -> bool {
    let in_document = app.get_root_node().node_type() == web_sys::Node::DOCUMENT_NODE;
    let in_own_root = app.closest("main#rts-root").ok().flatten().is_some();
    in_document && in_own_root
}

/// Sets the document's title, but only on the tool's own pages: a host
/// page's title belongs to the host.
pub fn set_title(root: &NodeRef, title: &str) {
    if let Some(element) = root.cast::<web_sys::Element>() {
        if owns_page(&element) {
            gloo::utils::document().set_title(title);
        }
    }
}

/// Sets custom properties on the widget's root through the style object,
/// which a Content Security Policy without 'unsafe-inline' allows where a
/// style attribute would be blocked. `None` removes the property.
pub fn set_properties<'a>(
    root: &NodeRef,
    properties: impl IntoIterator<Item = (&'a str, Option<&'a str>)>,
) {
    let Some(element) = root.cast::<web_sys::HtmlElement>() else {
        return;
    };
    let style = element.style();
    for (name, value) in properties {
        // These fail only for a read-only declaration, which a root
        // element's own style never is.
        let _ = match value {
            Some(value) => style.set_property(name, value),
            None => style.remove_property(name).map(drop),
        };
    }
}

/// Sets the page's language (`<html lang>`), but only on the tool's own
/// pages: a host page's language belongs to the host (the widget's root
/// carries its own `lang`).
pub fn set_language(root: &NodeRef, code: &str) {
    if let Some(element) = root.cast::<web_sys::Element>() {
        if owns_page(&element) {
            if let Some(html) = gloo::utils::document().document_element() {
                let _ = html.set_attribute("lang", code);
            }
        }
    }
}
