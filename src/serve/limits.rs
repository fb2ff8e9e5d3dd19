//! What protects the server from expensive queries: a per-query time limit
//! (a [`Watchdog`] thread cancels a query's [`CancellationToken`] at its
//! deadline, and Oxigraph stops evaluating it) and a cap on the number of
//! results ([`cap`]), beyond which results are cut off and the response
//! says so.

use oxigraph::sparql::{
    CancellationToken, QueryEvaluationError, QueryResults, QuerySolutionIter, QueryTripleIter,
};
use std::cell::Cell;
use std::rc::Rc;
use std::sync::{Arc, Weak, mpsc};
use std::time::{Duration, Instant};

/// Limits of the server, set on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// How long a query may run.
    pub timeout: Duration,
    /// How many solutions (SELECT) or triples (CONSTRUCT, DESCRIBE) a
    /// response may hold.
    pub max_results: usize,
    /// How large a request body may be, in bytes.
    pub max_body: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(10),
            max_results: 10_000,
            max_body: 1 << 20,
        }
    }
}

/// How often the watchdog looks at the deadlines: the granularity of the
/// time limit.
const TICK: Duration = Duration::from_millis(50);

/// A query's deadline, as the watchdog keeps it.
struct Entry {
    due: Instant,
    token: CancellationToken,
    /// Dead once the query finished (its [`Armed`] was dropped).
    running: Weak<()>,
}

/// One thread that cancels queries when their time is up.
///
/// A query hands its deadline over a channel, and the watchdog looks at
/// the deadlines every [`TICK`]: a query takes no lock and wakes no thread,
/// which matters when thousands of short queries run each second.
#[derive(Clone)]
pub struct Watchdog {
    deadlines: mpsc::Sender<Entry>,
}

/// A query being watched; dropping it (when the query finished) tells the
/// watchdog to forget it.
pub struct Armed {
    _running: Arc<()>,
}

impl Watchdog {
    /// Starts the watchdog thread; it ends when the last clone is dropped.
    pub fn start() -> Self {
        let (deadlines, pending) = mpsc::channel();
        std::thread::Builder::new()
            .name("query watchdog".into())
            .spawn(move || watch(&pending))
            .expect("cannot start the query watchdog thread");
        Self { deadlines }
    }

    /// A new token that is cancelled after `timeout`, unless the returned
    /// guard is dropped first.
    pub fn arm(&self, timeout: Duration) -> (CancellationToken, Armed) {
        let token = CancellationToken::new();
        let running = Arc::new(());
        let _ = self.deadlines.send(Entry {
            due: Instant::now() + timeout,
            token: token.clone(),
            running: Arc::downgrade(&running),
        });
        (token, Armed { _running: running })
    }
}

/// The watchdog's loop: every tick, take the new deadlines, forget the
/// finished queries and cancel those whose time is up.
fn watch(new: &mpsc::Receiver<Entry>) {
    let mut pending: Vec<Entry> = Vec::new();
    loop {
        std::thread::sleep(TICK);
        loop {
            match new.try_recv() {
                Ok(entry) => pending.push(entry),
                Err(mpsc::TryRecvError::Empty) => break,
                Err(mpsc::TryRecvError::Disconnected) => return,
            }
        }
        let now = Instant::now();
        pending.retain(|entry| {
            if entry.running.strong_count() == 0 {
                false
            } else if entry.due <= now {
                entry.token.cancel();
                false
            } else {
                true
            }
        });
    }
}

/// Whether results were cut off at the cap.
#[derive(Debug, Clone, Default)]
pub struct Truncated(Rc<Cell<bool>>);

impl Truncated {
    /// Whether there were more results than the cap.
    pub fn get(&self) -> bool {
        self.0.get()
    }
}

/// An iterator that yields at most `left` items, then looks one item
/// further to learn whether any were cut off. It also stops with
/// `Cancelled` once the token is cancelled: Oxigraph checks the token when
/// it reads the store, not while it recombines what it has read.
struct Capped<I> {
    inner: I,
    left: usize,
    truncated: Truncated,
    token: CancellationToken,
}

impl<I> Capped<I> {
    fn new(inner: I, max: usize, truncated: &Truncated, token: &CancellationToken) -> Self {
        Self {
            inner,
            left: max,
            truncated: truncated.clone(),
            token: token.clone(),
        }
    }
}

impl<T, I: Iterator<Item = Result<T, QueryEvaluationError>>> Iterator for Capped<I> {
    type Item = Result<T, QueryEvaluationError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.token.is_cancelled() {
            self.left = 0;
            return Some(Err(QueryEvaluationError::Cancelled));
        }
        if self.left == 0 {
            if matches!(self.inner.next(), Some(Ok(_))) {
                self.truncated.0.set(true);
            }
            return None;
        }
        self.left -= 1;
        self.inner.next()
    }
}

/// Query results with at most `max` solutions or triples, which stop when
/// `token` is cancelled.
///
/// ```
/// use labourgraph::serve::limits::cap;
/// use oxigraph::sparql::{CancellationToken, QueryResults, SparqlEvaluator};
/// let store = oxigraph::store::Store::new()?;
/// let results = SparqlEvaluator::new()
///     .parse_query("SELECT ?n WHERE { VALUES ?n { 1 2 3 } }")?
///     .on_store(&store)
///     .execute()?;
/// let (capped, truncated) = cap(results, 2, &CancellationToken::new());
/// let QueryResults::Solutions(solutions) = capped else { unreachable!() };
/// assert_eq!(solutions.count(), 2);
/// assert!(truncated.get());
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
pub fn cap(
    results: QueryResults<'static>,
    max: usize,
    token: &CancellationToken,
) -> (QueryResults<'static>, Truncated) {
    let truncated = Truncated::default();
    let results = match results {
        QueryResults::Solutions(solutions) => {
            let variables: Arc<[_]> = solutions.variables().into();
            let capped = Capped::new(solutions, max, &truncated, token);
            QueryResults::Solutions(QuerySolutionIter::new(variables, capped))
        }
        QueryResults::Graph(triples) => QueryResults::Graph(QueryTripleIter::new(Capped::new(
            triples, max, &truncated, token,
        ))),
        boolean => boolean,
    };
    (results, truncated)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn watchdog_cancels_at_the_deadline_only() {
        let watchdog = Watchdog::start();
        let (late, _armed) = watchdog.arm(Duration::from_secs(3600));
        let (soon, _armed2) = watchdog.arm(Duration::from_millis(20));
        let (done, armed3) = watchdog.arm(Duration::from_millis(10));
        drop(armed3);
        std::thread::sleep(Duration::from_millis(300));
        assert!(soon.is_cancelled());
        assert!(!late.is_cancelled());
        assert!(!done.is_cancelled());
    }
}
