import IsingCore

/// Why evaluation is leaving a block early.
enum Unwind: UInt8 {
    case none, breakLoop, continueLoop, returnValue
}

/// The mutable state of running code: the value stack holding every active frame,
/// the call depth, pending control flow, and the interrupt/step-budget counter.
///
/// Compiled code reaches it through a plain pointer (`RuntimeRef`), so hot paths pay
/// no reference counting and compiled closures form no reference cycles with their
/// interpreter. The `Runtime` object owns the memory.
struct RuntimeState {
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
}

/// How compiled code refers to the runtime state.
typealias RuntimeRef = UnsafeMutablePointer<RuntimeState>

extension UnsafeMutablePointer where Pointee == RuntimeState {
    var sp: Int {
        get { pointee.sp }
        nonmutating set { pointee.sp = newValue }
    }
    var depth: Int {
        get { pointee.depth }
        nonmutating set { pointee.depth = newValue }
    }
    var unwind: Unwind {
        get { pointee.unwind }
        nonmutating set { pointee.unwind = newValue }
    }
    var returnValue: Value {
        get { pointee.returnValue }
        nonmutating set { pointee.returnValue = newValue }
    }
    var stack: UnsafeMutablePointer<Value> { pointee.stack }

    /// Called at loop back-edges and calls: cheap except once every 1024 ticks.
    @inline(__always)
    func tick(_ span: Span) throws {
        pointee.ticks &-= 1
        if pointee.ticks < 0 { try slowTick(span) }
    }

    func slowTick(_ span: Span) throws {
        pointee.ticks = 1024
        if Cancellation.isRequested {
            var d = Diagnostic.runtime("interrupted", at: span)
            d.catchable = false
            throw d
        }
        if let budget = pointee.stepBudget {
            if budget <= 0 {
                var d = Diagnostic.runtime("step budget exhausted", at: span, hint: "the program ran longer than allowed")
                d.catchable = false
                throw d
            }
            pointee.stepBudget = budget - 1024
        }
    }

    /// Reserves a frame of `size` slots (initialised to nil) and returns its base.
    @inline(__always)
    func pushFrame(_ size: Int, _ span: Span) throws -> UnsafeMutablePointer<Value> {
        let base = pointee.sp
        if pointee.depth >= pointee.maxDepth || base + size > pointee.stackCapacity {
            throw Diagnostic.runtime("stack overflow: more than \(pointee.maxDepth) nested calls", at: span,
                                     hint: "is the recursion missing a base case? (the limit is set with QREPL_MAX_DEPTH)")
        }
        let fp = pointee.stack + base
        fp.initialize(repeating: .null, count: size)
        pointee.sp = base + size
        pointee.depth += 1
        return fp
    }

    /// Releases the frame pushed by `pushFrame`.
    @inline(__always)
    func popFrame(_ fp: UnsafeMutablePointer<Value>, _ size: Int) {
        fp.deinitialize(count: size)
        pointee.sp -= size
        pointee.depth -= 1
    }

    /// Runs a function body in a prepared frame: boxes captured parameters, turns a
    /// `return` into the call's value, and adds this call to an error's traceback.
    @inline(__always)
    func invoke(_ proto: FunctionProto, _ fp: UnsafeMutablePointer<Value>, _ span: Span) throws -> Value {
        for p in proto.boxedParameters { fp[p + 1] = .cell(Cell(fp[p + 1])) }
        do {
            let v = try proto.body(fp)
            if pointee.unwind == .returnValue {
                pointee.unwind = .none
                let r = pointee.returnValue
                pointee.returnValue = .null
                return r
            }
            return v
        } catch var d as Diagnostic {
            d.traceback.append(.init(function: proto.name, span: span))
            throw d
        }
    }

    /// Drops every frame above `base` (after an error escaped to the top).
    func reset(to base: Int) {
        if pointee.sp > base { (pointee.stack + base).deinitialize(count: pointee.sp - base) }
        pointee.sp = base
        pointee.unwind = .none
        pointee.returnValue = .null
    }
}

/// Owns the runtime state and its value stack.
final class Runtime {
    let state: RuntimeRef
    let globals: Globals

    init(globals: Globals, maxDepth: Int, stackCapacity: Int = 1 << 22) {
        self.globals = globals
        let stack = UnsafeMutablePointer<Value>.allocate(capacity: stackCapacity)
        state = RuntimeRef.allocate(capacity: 1)
        state.initialize(to: RuntimeState(stack: stack, stackCapacity: stackCapacity, maxDepth: maxDepth))
    }

    deinit {
        state.reset(to: 0)
        state.pointee.stack.deallocate()
        state.deinitialize(count: 1)
        state.deallocate()
    }
}
