import Foundation

/// What a sampler returns for a spin model: spin states (±1), row-major, with their energies.
public struct SpinSamples: Sendable {
    public var states: [Int8]
    public var energies: [Double]
    public var info: [(String, InfoValue)]
    public var exact: ExactSummary?

    public init(states: [Int8], energies: [Double], info: [(String, InfoValue)] = [], exact: ExactSummary? = nil) {
        self.states = states; self.energies = energies; self.info = info; self.exact = exact
    }
}

/// How one sampling run is to be done.
public struct SampleRequest: Sendable {
    /// Number of samples to return.
    public var reads: Int
    /// The run's seed: the same seed gives the same samples, whatever `threads` is.
    public var seed: UInt64
    /// Threads to spread reads across (1 = this thread only).
    public var threads: Int
    /// Initial spin states (±1), one row per read or a single row for all; nil for random.
    public var initial: [Int8]?
    /// Told (from any thread) how many units of work are done out of how many, for
    /// progress bars; samplers report per read or per block of reads.
    public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

    public init(reads: Int, seed: UInt64, threads: Int = 1, initial: [Int8]? = nil) {
        self.reads = reads; self.seed = seed; self.threads = threads; self.initial = initial
    }

    /// The seed of read `r`'s own generator: independent of how reads are split across threads.
    public func seed(forRead r: Int) -> UInt64 {
        var z = seed &+ 0x9E37_79B9_7F4A_7C15 &* UInt64(r + 1)
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The initial state of read `r`, if one was given.
    public func initialState(forRead r: Int, count n: Int) -> ArraySlice<Int8>? {
        guard let initial, n > 0, initial.count >= n else { return nil }
        let rows = initial.count / n
        let k = r % rows
        return initial[(k * n)..<((k + 1) * n)]
    }
}

/// A source of samples of an Ising model. Every sampler (exact enumeration, MCMC,
/// annealing, and the composites that wrap another sampler) conforms, so learners and
/// scripts can swap one for another.
public protocol Sampler: Sendable {
    /// The name shown in displays and `info`, e.g. "sa".
    var name: String { get }
    /// The sampler's settings as (name, value) text, for displays.
    var settings: [(String, String)] { get }
    /// Samples a spin model. Long runs poll `Cancellation.isRequested` and throw `CancelledError`.
    func sample(_ model: SpinModel, _ request: SampleRequest) throws -> SpinSamples
}

extension Sampler {
    /// Samples any binary quadratic model: runs on its spin form and returns states in
    /// the model's own vartype, with energies recomputed exactly in that model.
    public func sample(_ model: BinaryQuadraticModel, _ request: SampleRequest) throws -> SampleSet {
        guard request.reads >= 0 else { throw IsingError("reads must not be negative") }
        let start = DispatchTime.now().uptimeNanoseconds
        let spin = model.spinModel()
        let raw = try sample(spin, request)
        var states = raw.states
        if model.vartype == .binary {
            for k in states.indices { states[k] = states[k] > 0 ? 1 : 0 }
        }
        // Energies are recomputed in double precision in the model itself: samplers may
        // work in single precision or in the spin form.
        let n = model.count
        let rows = n == 0 ? raw.energies.count : raw.states.count / n
        let energies = (0..<rows).map { r in
            n == 0 ? model.offset : model.energy(Array(states[(r * n)..<((r + 1) * n)]))
        }
        var exact = raw.exact
        if model.vartype == .binary, var e = exact {
            e.groundStates = e.groundStates.map { $0.map { $0 > 0 ? 1 : 0 } }
            // ⟨x⟩ = (⟨s⟩ + 1) / 2 and ⟨x_i x_j⟩ = (1 + ⟨s_i⟩ + ⟨s_j⟩ + ⟨s_i s_j⟩) / 4
            let m = e.magnetization
            var c = e.correlations
            for i in 0..<n { for j in 0..<n { c[i * n + j] = (1 + m[i] + m[j] + e.correlations[i * n + j]) / 4 } }
            e.magnetization = m.map { ($0 + 1) / 2 }
            e.correlations = c
            exact = e
        }
        if exact?.logProbabilities == nil { exact?.model = model }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        var info: [(String, InfoValue)] = [("sampler", .string(name))]
        info.append(contentsOf: raw.info)
        return SampleSet(variables: model.variables, vartype: model.vartype, states: states, energies: energies,
                         info: info, seconds: seconds, exact: exact)
    }
}

/// Runs `work(r)` for every read r in 0..<reads on `threads` threads, each read writing
/// only its own results, so the outcome does not depend on the thread count.
public func forEachRead(_ reads: Int, threads: Int, progress: (@Sendable (Int, Int) -> Void)? = nil,
                        _ work: @Sendable (Int) throws -> Void) throws {
    let t = max(1, min(threads, reads))
    if t == 1 {
        for r in 0..<reads {
            if Cancellation.isRequested { throw CancelledError() }
            try work(r)
            progress?(r + 1, reads)
        }
        return
    }
    let done = ProgressCounter()
    let failure = FirstError()
    DispatchQueue.concurrentPerform(iterations: t) { k in
        var r = k
        while r < reads {
            if Cancellation.isRequested || failure.isSet { return }
            do { try work(r) } catch { failure.set(error); return }
            if let progress { progress(done.increment(), reads) }
            r += t
        }
    }
    if let e = failure.error { throw e }
    if Cancellation.isRequested { throw CancelledError() }
}

/// A count shared by several threads.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    /// Adds one and returns the new count.
    func increment() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
}

/// The first error raised by any of several threads.
final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Error?
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return stored != nil }
    var error: Error? { lock.lock(); defer { lock.unlock() }; return stored }
    func set(_ e: Error) { lock.lock(); if stored == nil { stored = e }; lock.unlock() }
}

/// The number of threads to use by default: `QREPL_THREADS` or the number of cores.
public var defaultThreadCount: Int {
    if let s = ProcessInfo.processInfo.environment["QREPL_THREADS"], let n = Int(s), n > 0 { return n }
    return ProcessInfo.processInfo.activeProcessorCount
}

/// A buffer that several threads write disjoint parts of.
public final class SharedBuffer<T>: @unchecked Sendable {
    public let pointer: UnsafeMutablePointer<T>
    public let count: Int
    public init(repeating value: T, count: Int) {
        self.count = count
        pointer = UnsafeMutablePointer<T>.allocate(capacity: max(count, 1))
        pointer.initialize(repeating: value, count: count)
    }
    deinit {
        pointer.deinitialize(count: count)
        pointer.deallocate()
    }
    public var array: [T] { Array(UnsafeBufferPointer(start: pointer, count: count)) }
}
