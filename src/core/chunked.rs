//! A list that grows by fixed-size chunks: pushing never copies what is
//! already there into a buffer twice its size (which, for a long list of
//! small entries, briefly holds three times the list).

/// Entries kept in chunks of this many.
const CHUNK: usize = 4096;

/// A list built by [`Chunked::push`] and taken whole by
/// [`Chunked::into_vec`].
#[derive(Debug)]
pub(crate) struct Chunked<T> {
    chunks: Vec<Vec<T>>,
}

impl<T> Default for Chunked<T> {
    fn default() -> Self {
        Self { chunks: Vec::new() }
    }
}

impl<T> Chunked<T> {
    /// Adds `item` at the end.
    pub fn push(&mut self, item: T) {
        match self.chunks.last_mut().filter(|chunk| chunk.len() < CHUNK) {
            Some(chunk) => chunk.push(item),
            None => {
                let mut chunk = Vec::with_capacity(CHUNK);
                chunk.push(item);
                self.chunks.push(chunk);
            }
        }
    }

    /// Everything pushed, in order, in one list of exactly that length
    /// (each chunk freed as soon as it is moved).
    pub fn into_vec(self) -> Vec<T> {
        let mut all = Vec::with_capacity(self.chunks.iter().map(Vec::len).sum());
        for chunk in self.chunks {
            all.extend(chunk);
        }
        all
    }
}
