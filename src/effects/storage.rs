//! The only place that talks to localStorage. Every call returns a `Result`,
//! because storage can be blocked (sandboxed iframes, some private modes
//! throw SecurityError just for asking) or full.

use wasm_bindgen::JsCast;

use crate::state::SaveStatus;

/// Why storage could not be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageError {
    Blocked,
    Full,
}

impl From<StorageError> for SaveStatus {
    fn from(error: StorageError) -> SaveStatus {
        match error {
            StorageError::Blocked => SaveStatus::Blocked,
            StorageError::Full => SaveStatus::Full,
        }
    }
}

// The versioned keys are part of the mount contract (one source with the
// runtime scripts); a change to what is saved gets a new version, and the
// reader of the new one migrates the old.
pub use crate::options::{progress_key, workshop_key};

fn local_storage() -> Result<web_sys::Storage, StorageError> {
    let window = web_sys::window().ok_or(StorageError::Blocked)?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        _ => Err(StorageError::Blocked),
    }
}

pub fn load(key: &str) -> Result<Option<String>, StorageError> {
    local_storage()?
        .get_item(key)
        .map_err(|_| StorageError::Blocked)
}

pub fn save(key: &str, value: &str) -> Result<(), StorageError> {
    local_storage()?.set_item(key, value).map_err(|error| {
        let name = error
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.name()))
            .unwrap_or_default();
        if name == "QuotaExceededError" {
            StorageError::Full
        } else {
            StorageError::Blocked
        }
    })
}

pub fn remove(key: &str) -> Result<(), StorageError> {
    local_storage()?
        .remove_item(key)
        .map_err(|_| StorageError::Blocked)
}
