import IsingCore

/// Why evaluation is leaving a block early.
enum Unwind: UInt8 {
    case none, breakLoop, continueLoop, returnValue
}

/// The mutable state of running code: the value stack holding every active frame,
/// the call depth, pending control flow, and the interrupt/step-budget counter.
final class Runtime {
    let stack: UnsafeMutablePointer<Value>
    let stackCapacity: Int
    /// The first free slot.
    var sp = 0
    var depth = 0
    var maxDepth: Int
    var unwind: Unwind = .none
    var returnValue: Value = .null
    /// Counts down to the next check of the interrupt flag and the step budget.
    var ticks = 1024
    /// Remaining steps when a budget is set (fuzzing, sandboxing).
    var stepBudget: Int?
    let globals: Globals

    init(globals: Globals, maxDepth: Int, stackCapacity: Int = 1 << 22) {
        self.globals = globals
        self.maxDepth = maxDepth
        self.stackCapacity = stackCapacity
        self.stack = UnsafeMutablePointer<Value>.allocate(capacity: stackCapacity)
    }

    deinit {
        stack.deallocate()
    }

    /// Called at loop back-edges and calls: cheap except once every 1024 ticks.
    @inline(__always)
    func tick(_ span: Span) throws {
        ticks &-= 1
        if ticks < 0 { try slowTick(span) }
    }

    func slowTick(_ span: Span) throws {
        ticks = 1024
        if Cancellation.isRequested {
            var d = Diagnostic.runtime("interrupted", at: span)
            d.catchable = false
            throw d
        }
        if let budget = stepBudget {
            if budget <= 0 {
                var d = Diagnostic.runtime("step budget exhausted", at: span, hint: "the program ran longer than allowed")
                d.catchable = false
                throw d
            }
            stepBudget = budget - 1024
        }
    }

    /// Reserves a frame of `size` slots (initialised to nil) and returns its base.
    @inline(__always)
    func pushFrame(_ size: Int, _ span: Span) throws -> UnsafeMutablePointer<Value> {
        let base = sp
        if depth >= maxDepth || base + size > stackCapacity {
            throw Diagnostic.runtime("stack overflow: more than \(maxDepth) nested calls", at: span,
                                     hint: "is the recursion missing a base case? (the limit is set with QREPL_MAX_DEPTH)")
        }
        let fp = stack + base
        fp.initialize(repeating: .null, count: size)
        sp = base + size
        depth += 1
        return fp
    }

    /// Releases the frame pushed by `pushFrame`.
    @inline(__always)
    func popFrame(_ fp: UnsafeMutablePointer<Value>, _ size: Int) {
        fp.deinitialize(count: size)
        sp -= size
        depth -= 1
    }

    /// Drops every frame (after an error escaped to the top).
    func reset(to base: Int) {
        if sp > base { (stack + base).deinitialize(count: sp - base) }
        sp = base
        unwind = .none
        returnValue = .null
    }
}
