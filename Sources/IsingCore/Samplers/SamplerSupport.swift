import Foundation

// Pieces shared by the samplers: argument checks, start states, a compact copy of the
// model in raw buffers, and the scalar (Double) Metropolis / Gibbs chain that the MCMC,
// parallel-tempering, population-annealing and greedy samplers run on.

/// Throws unless `value` is a finite number greater than zero.
func requirePositive(_ value: Double, _ what: String) throws {
    guard value.isFinite, value > 0 else { throw IsingError("\(what) must be a finite number greater than 0, got \(value)") }
}

/// Throws unless `value` is at least `minimum`.
func requireAtLeast(_ value: Int, _ minimum: Int, _ what: String) throws {
    guard value >= minimum else { throw IsingError("\(what) must be at least \(minimum), got \(value)") }
}

/// Checks the parts of a request every sampler relies on.
func validate(_ request: SampleRequest, count n: Int) throws {
    guard request.reads >= 0 else { throw IsingError("reads must not be negative, got \(request.reads)") }
    guard request.threads >= 1 else { throw IsingError("threads must be at least 1, got \(request.threads)") }
    if let initial = request.initial {
        guard n > 0 else { return }
        guard !initial.isEmpty, initial.count % n == 0 else {
            throw IsingError("initial states must have \(n) values per state, got \(initial.count) values")
        }
    }
}

/// Writes the start state of read `r`: the request's initial state if it has one (values
/// above 0 are +1, the rest −1, so binary 0/1 rows work too), else uniformly random spins.
func startState(_ request: SampleRequest, read r: Int, count n: Int, into s: UnsafeMutablePointer<Int8>,
                rng: inout Xoshiro256) {
    if let row = request.initialState(forRead: r, count: n) {
        var i = 0
        for v in row { s[i] = v > 0 ? 1 : -1; i += 1 }
        return
    }
    var bits: UInt64 = 0
    for i in 0..<n {
        if i % 64 == 0 { bits = rng.next() }
        s[i] = (bits & 1) == 1 ? 1 : -1
        bits >>= 1
    }
}

/// The model in raw, never-reallocated buffers for the inner loops: fields, CSR
/// neighbour lists and couplings (Double), immutable after creation.
final class PackedModel: @unchecked Sendable {
    let count: Int
    let offset: Double
    let h: UnsafeMutablePointer<Double>
    let start: UnsafeMutablePointer<Int>
    let neighbors: UnsafeMutablePointer<Int32>
    let couplings: UnsafeMutablePointer<Double>
    let edgeCount: Int

    init(_ m: SpinModel) {
        count = m.count
        offset = m.offset
        edgeCount = m.neighbors.count
        h = .allocate(capacity: max(count, 1))
        start = .allocate(capacity: count + 1)
        neighbors = .allocate(capacity: max(edgeCount, 1))
        couplings = .allocate(capacity: max(edgeCount, 1))
        for i in 0..<count { h[i] = m.h[i] }
        for i in 0...count { start[i] = m.rowStart[i] }
        for k in 0..<edgeCount { neighbors[k] = m.neighbors[k]; couplings[k] = m.couplings[k] }
    }

    deinit {
        h.deallocate(); start.deallocate(); neighbors.deallocate(); couplings.deallocate()
    }

    /// Fills `field` with h_i + Σ_j J_ij s_j and returns the energy of `s`.
    @discardableResult
    func fields(of s: UnsafePointer<Int8>, into field: UnsafeMutablePointer<Double>) -> Double {
        var e = offset
        for i in 0..<count {
            var f = h[i]
            for k in start[i]..<start[i + 1] { f += couplings[k] * Double(s[Int(neighbors[k])]) }
            field[i] = f
            // h_i s_i counted once, each coupling twice (once from each end)
            e += (h[i] + f) * 0.5 * Double(s[i])
        }
        return e
    }

    /// The exact energy of `s`.
    func energy(_ s: UnsafePointer<Int8>) -> Double {
        var e = offset
        for i in 0..<count {
            var pair = 0.0
            for k in start[i]..<start[i + 1] where Int(neighbors[k]) > i { pair += couplings[k] * Double(s[Int(neighbors[k])]) }
            e += (h[i] + pair) * Double(s[i])
        }
        return e
    }
}

/// The single-site update rule of a Markov chain.
public enum UpdateRule: String, Sendable {
    /// Flip with probability min(1, exp(−βΔE)).
    case metropolis
    /// Heat bath: set the spin from its conditional distribution (flip with probability 1 / (1 + exp(βΔE))).
    case gibbs
}

/// Which spin each step of a sweep updates.
public enum ScanOrder: String, Sendable {
    /// Spins in index order.
    case sequential
    /// n uniformly random spins per sweep.
    case random
}

/// One Markov chain over a packed model: spins, local fields and the current energy,
/// kept consistent by incremental updates on every flip. Owns its buffers; one thread
/// at a time works on a chain.
final class ScalarChain: @unchecked Sendable {
    let model: PackedModel
    let spins: UnsafeMutablePointer<Int8>
    let field: UnsafeMutablePointer<Double>
    var energy: Double = 0
    private var flipsSinceRefresh = 0

    init(_ model: PackedModel) {
        self.model = model
        spins = .allocate(capacity: max(model.count, 1))
        field = .allocate(capacity: max(model.count, 1))
        spins.initialize(repeating: -1, count: max(model.count, 1))
        field.initialize(repeating: 0, count: max(model.count, 1))
    }

    deinit { spins.deallocate(); field.deallocate() }

    /// Recomputes the fields and energy from the spins (after setting them, and now and
    /// then to stop rounding errors from accumulating).
    func refresh() {
        energy = model.fields(of: spins, into: field)
        flipsSinceRefresh = 0
    }

    /// Copies the state of another chain over the same model.
    func copy(from other: ScalarChain) {
        spins.update(from: other.spins, count: model.count)
        field.update(from: other.field, count: model.count)
        energy = other.energy
    }

    /// Flips spin i, updating the neighbours' fields and the energy.
    @inline(__always)
    func flip(_ i: Int) {
        let s = spins[i]
        energy -= 2 * Double(s) * field[i]
        let ns = -s
        spins[i] = ns
        let twice = 2 * Double(ns)
        let nb = model.neighbors, cp = model.couplings
        for k in model.start[i]..<model.start[i + 1] { field[Int(nb[k])] += twice * cp[k] }
        flipsSinceRefresh += 1
    }

    /// One sweep (n single-spin updates) at inverse temperature `beta`.
    func sweep(beta: Double, rule: UpdateRule, order: ScanOrder, rng: inout Xoshiro256) {
        let n = model.count
        guard n > 0 else { return }
        for step in 0..<n {
            let i = order == .sequential ? step : rng.nextInt(below: n)
            let dE = -2 * Double(spins[i]) * field[i]
            let x = beta * dE
            switch rule {
            case .metropolis:
                if x <= 0 || (x < 745 && rng.nextDouble() < exp(-x)) { flip(i) }
            case .gibbs:
                // flip with probability 1 / (1 + e^x)
                let u = rng.nextDouble()
                if x < 745 && u * (1 + exp(x)) < 1 { flip(i) }
            }
        }
        if flipsSinceRefresh > 64 * n { refresh() }
    }
}

/// Seconds since an arbitrary start, for timing.
func monotonicSeconds() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

/// reads × n, the size of a run's state buffer, or an error when that is out of reach.
func stateBufferSize(reads: Int, count n: Int) throws -> Int {
    let (size, overflow) = reads.multipliedReportingOverflow(by: max(n, 1))
    guard !overflow, size <= 1 << 36 else {
        throw IsingError("\(reads) reads of \(n) variables would not fit in memory")
    }
    return size
}

/// The exact energy of each of the row-major ±1 states.
func energies(of states: [Int8], _ model: SpinModel) -> [Double] {
    let n = model.count
    guard n > 0 else { return [] }
    let packed = PackedModel(model)
    return states.withUnsafeBufferPointer { p in
        guard let base = p.baseAddress else { return [] }
        return (0..<(p.count / n)).map { packed.energy(base + $0 * n) }
    }
}
