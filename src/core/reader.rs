//! Who reads the input: the widget or the command-line tool. Messages name
//! what the user wrote in its terms (an attribute, an option).

/// Who loads: messages name what the user wrote in its terms.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Reader {
    /// The `<episode-viewer>` element.
    #[default]
    Widget,
    /// The command-line tool.
    Cli,
}

impl Reader {
    /// "this widget" or "this tool".
    pub fn itself(self) -> &'static str {
        match self {
            Reader::Widget => "this widget",
            Reader::Cli => "this tool",
        }
    }
}
