//! The files a load needs, and those handed in so far.

use super::request::{FileNeed, FileText, Role};

/// What a load asked for, and what it was given.
#[derive(Debug, Default)]
pub(super) struct FileStore {
    needs: Vec<FileNeed>,
    files: Vec<(Role, FileText)>,
}

impl FileStore {
    /// Asks for more files.
    pub fn add_needs(&mut self, needs: Vec<FileNeed>) {
        self.needs.extend(needs);
    }

    /// The files asked for and not yet handed in.
    pub fn missing(&self) -> Vec<FileNeed> {
        self.needs
            .iter()
            .filter(|need| self.file(need.role).is_none())
            .cloned()
            .collect()
    }

    /// Keeps the file `need` names (the first handed in for its role).
    pub fn take(&mut self, need: &FileNeed, file: FileText) {
        if self.file(need.role).is_none() {
            self.files.push((need.role, file));
        }
    }

    /// The file of `role`, once handed in.
    pub fn file(&self, role: Role) -> Option<&FileText> {
        self.files
            .iter()
            .find(|(held, _)| *held == role)
            .map(|(_, file)| file)
    }

    /// What the file of `role` was asked for as.
    pub fn need(&self, role: Role) -> Option<&FileNeed> {
        self.needs.iter().find(|need| need.role == role)
    }

    /// The file of `role` and the name messages give it.
    pub fn source(&self, role: Role) -> Option<(&str, &FileText)> {
        Some((self.need(role)?.name.as_str(), self.file(role)?))
    }
}
