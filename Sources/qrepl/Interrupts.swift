import CEditLine
import IsingCore

/// Ctrl-C handling for the whole process, over the handler in `CEditLine`.
///
/// The handler stores 1 into `IsingCore.Cancellation` (which the evaluator polls) and
/// notes that an interrupt arrived, so that a read it cut short is reported as
/// `.interrupted` and an evaluation that failed because of it prints `interrupted`.
enum Interrupts {
    /// Installs the SIGINT handler. Returns false (and the default action stays) on failure.
    @discardableResult
    static func install() -> Bool {
        let flag = Cancellation.rawAddress.assumingMemoryBound(to: Int32.self)
        return cel_install_sigint_handler(flag) == 0
    }

    /// True when Ctrl-C was pressed since the last `acknowledge()`.
    static var pending: Bool { cel_interrupt_pending() != 0 }

    /// Forgets earlier interrupts and clears the cancellation request, before and after
    /// each evaluation and after an interrupted read.
    static func acknowledge() {
        cel_acknowledge_interrupt()
        Cancellation.reset()
    }

    /// Keeps SIGINT away from (or lets it reach) the calling thread, so that it lands on
    /// the thread that reads the terminal and interrupts its read.
    static func setBlockedInThisThread(_ blocked: Bool) {
        _ = cel_block_sigint_in_this_thread(blocked ? 1 : 0)
    }
}
