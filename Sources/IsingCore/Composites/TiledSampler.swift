/// Several copies of a small problem on one chip in one call: a problem placed on a few
/// unit cells of a Chimera device is copied, shifted by whole unit cells, to every other
/// block of cells where all its qubits and couplers work, and one anneal of the combined
/// problem gives one sample per copy. This is how annealer time is used well for problems
/// far smaller than the chip.
public struct TiledSampler: Sampler {
    public let inner: DeviceAnnealer
    /// How many copies to place (nil: as many as fit).
    public let copies: Int?

    public init(inner: any Sampler, copies: Int?) throws {
        guard let device = inner as? DeviceAnnealer else {
            throw IsingError("tiled needs an annealer sampler (a device with a hardware graph), got \(inner.name)")
        }
        guard device.graph.topology?.family == .chimera else {
            throw IsingError("tiled places copies by whole unit cells of a Chimera device; this device's graph is \(device.graph.name)")
        }
        if let copies { try requireAtLeast(copies, 1, "copies") }
        self.inner = device; self.copies = copies
    }

    public var name: String { "tiled" }
    public var settings: [(String, String)] { [("sampler", inner.name), ("copies", copies.map(String.init) ?? "all that fit")] }

    /// For each copy, the qubit of every variable of `model` (by variable index).
    public func placements(_ model: SpinModel) throws -> [[Int]] {
        let graph = inner.graph
        guard let topology = graph.topology else { throw IsingError("the device graph has no topology") }
        var coordinates: [[Int]] = []
        for label in model.labels {
            guard case .int(let q) = label, let c = topology.coordinates(of: q) else {
                throw IsingError("tiled needs a problem on the device's qubits; variable \(label) is not a Chimera qubit number")
            }
            coordinates.append(c)
        }
        guard !coordinates.isEmpty else { return [] }
        let rows = coordinates.map { $0[0] }, cols = coordinates.map { $0[1] }
        let top = rows.min() ?? 0, left = cols.min() ?? 0
        let height = (rows.max() ?? 0) - top + 1, width = (cols.max() ?? 0) - left + 1
        var out: [[Int]] = []
        var bi = 0
        while bi + height <= topology.m {
            var bj = 0
            while bj + width <= topology.n {
                var qubits: [Int] = []
                var fits = true
                for c in coordinates {
                    guard let q = topology.label(of: [c[0] - top + bi, c[1] - left + bj, c[2], c[3]]), let index = graph.index(of: .int(q)) else {
                        fits = false; break
                    }
                    qubits.append(index)
                }
                if fits { fits = model.edges.allSatisfy { graph.hasEdge(qubits[$0.0], qubits[$0.1]) } }
                if fits { out.append(qubits.map { q in if case .int(let l) = graph.nodes[q] { return l } else { return -1 } }) }
                if let copies, out.count == copies { return out }
                bj += width
            }
            bi += height
        }
        if let copies, out.count < copies {
            throw IsingError("only \(out.count) copies of the problem fit on \(inner.label) (asked for \(copies)); dead qubits block the other places")
        }
        guard !out.isEmpty else { throw IsingError("no copy of the problem fits on \(inner.label): every place has a dead qubit or coupler") }
        return out
    }

    public func sample(_ model: SpinModel, _ request: SampleRequest) throws -> SpinSamples {
        try validate(request, count: model.count)
        let n = model.count
        guard n > 0 else { return try inner.sample(model, request) }
        let places = try placements(model)
        var union = BinaryQuadraticModel(vartype: .spin)
        for place in places {
            for i in 0..<n { union.addLinear(.int(place[i]), model.h[i]) }
            for (i, j, b) in model.edges { union.addQuadratic(.int(place[i]), .int(place[j]), b) }
        }
        let spin = union.spinModel()
        var sub = request
        sub.reads = (request.reads + places.count - 1) / places.count
        sub.initial = nil
        let raw = try inner.sample(spin, sub)
        var column: [Label: Int] = [:]
        for (k, label) in spin.labels.enumerated() { column[label] = k }
        let columns = places.map { place in place.map { column[.int($0)] ?? 0 } }
        var states: [Int8] = []
        states.reserveCapacity(request.reads * n)
        var taken = 0
        read: for r in 0..<sub.reads {
            for cols in columns {
                if taken == request.reads { break read }
                for c in cols { states.append(raw.states[r * spin.count + c]) }
                taken += 1
            }
        }
        var info = raw.info
        info.append(("copies", .int(places.count)))
        return SpinSamples(states: states, energies: model.energies(of: states), info: info)
    }
}
