import Foundation

/// The qbsolv `.qubo` text format (which dimod does not read):
///
///     c a comment (any line starting with c)
///     p qubo 0 maxNodes nNodes nCouplers
///     i i bias        nNodes node lines (the diagonal of Q)
///     i j bias        nCouplers coupler lines, i < j
///
/// `maxNodes` bounds the node numbers (0 ..< maxNodes). The problem is a QUBO over
/// binaries: loading gives a BINARY model labelled by integers, and saving a SPIN model
/// first converts it to the equivalent QUBO (every energy unchanged).
///
/// qrepl writes a node line for every variable, in the model's order (zero biases
/// included, so variables and their order survive), then every coupler in the model's
/// order. The format has no offset; a non-zero one is written as a comment `c offset=…`,
/// which qrepl reads back and qbsolv ignores. The reader follows qbsolv's rules and
/// reports each broken one with file and line: the program line comes first, counts must
/// match it, node numbers lie below `maxNodes`, coupler lines have i < j, and no node or
/// coupler appears twice.
public enum QbsolvFormat {
    /// Writes a model as a `.qubo` file, atomically (temporary file, then rename). A SPIN
    /// model is converted to its QUBO first.
    ///
    /// - Throws: when a label is not a non-negative integer, a bias is not finite, or
    ///   the file cannot be written.
    public static func save(_ model: BinaryQuadraticModel, to path: String) throws {
        try FileIO.writeAtomically(path, text: encode(model, name: path))
    }

    /// Reads a `.qubo` file as a BINARY model.
    public static func load(_ path: String) throws -> BinaryQuadraticModel {
        try decode(FileIO.readText(path), name: path)
    }

    /// The `.qubo` text of a model (converted to binaries). `name` is used in errors.
    public static func encode(_ model: BinaryQuadraticModel, name: String = "qubo output") throws -> String {
        let q = model.toQubo()
        var nodes: [Int] = []
        nodes.reserveCapacity(q.count)
        for v in q.variables {
            guard case .int(let i) = v, i >= 0 else {
                throw IsingError("cannot write \(name): the qbsolv format numbers nodes by non-negative integers, and \(COOFormat.labelText(v)) is not one (relabel the model first)")
            }
            nodes.append(i)
        }
        func bias(_ x: Double, _ what: String) throws -> String {
            guard x.isFinite else { throw IsingError("cannot write \(name): the \(what) is \(x), which the qbsolv format cannot hold") }
            return NumberText.pythonRepr(x)
        }
        var out = "c QUBO written by qrepl: minimise x'Qx over x in {0,1}\n"
        if q.offset != 0 { out += "c offset=\(try bias(q.offset, "offset"))\n" }
        let maxNodes = (nodes.max() ?? -1) + 1
        out += "p qubo 0 \(maxNodes) \(nodes.count) \(q.interactions.count)\n"
        for (k, i) in nodes.enumerated() {
            out += "\(i) \(i) \(try bias(q.linear[k], "bias of node \(i)"))\n"
        }
        for t in q.interactions {
            let a = nodes[t.u], b = nodes[t.v]
            out += "\(min(a, b)) \(max(a, b)) \(try bias(t.bias, "coupler \(a)–\(b)"))\n"
        }
        return out
    }

    /// Reads `.qubo` text as a BINARY model. `name` starts every error message.
    public static func decode(_ text: String, name: String) throws -> BinaryQuadraticModel {
        var program: (maxNodes: Int, nodes: Int, couplers: Int, line: Int)?
        var model = BinaryQuadraticModel(vartype: .binary)
        var seenNodes: [Int: Int] = [:]
        var seenCouplers: [BinaryQuadraticModel.Pair: Int] = [:]
        var nodeCount = 0, couplerCount = 0
        for (number, line) in TextLines.split(text) {
            let fields = TextLines.fields(line)
            guard let first = fields.first else { continue }
            if first.first == "c" || first.first == "C" {
                // A comment; qrepl's own `c offset=…` carries the constant term.
                let body = line.drop(while: { $0 == " " || $0 == "\t" }).dropFirst().trimmingCharacters(in: .whitespaces)
                if body.hasPrefix("offset") {
                    let value = body.dropFirst("offset".count).drop(while: { $0 == "=" || $0 == ":" || $0 == " " })
                    guard let x = NumberText.parseDouble(value), x.isFinite else {
                        throw IsingError("\(name):\(number): expected a number in `c offset=…`, found `\(value)`")
                    }
                    model.offset += x
                }
                continue
            }
            guard let p = program else {
                guard first == "p" || first == "P" else {
                    throw IsingError("\(name):\(number): expected the program line `p qubo 0 maxNodes nNodes nCouplers` before any data, found \(TextLines.quote(line))")
                }
                guard fields.count == 6, fields[1] == "qubo",
                      let maxNodes = NumberText.parseInt(fields[3]), let n = NumberText.parseInt(fields[4]),
                      let c = NumberText.parseInt(fields[5]), maxNodes >= 0, n >= 0, c >= 0 else {
                    throw IsingError("\(name):\(number): expected `p qubo topology maxNodes nNodes nCouplers` with non-negative counts, found \(TextLines.quote(line))")
                }
                guard n <= maxNodes else {
                    throw IsingError("\(name):\(number): nNodes \(n) exceeds maxNodes \(maxNodes)")
                }
                program = (maxNodes, n, c, number)
                continue
            }
            if first == "p" || first == "P" {
                throw IsingError("\(name):\(number): a second program line (the first is on line \(p.line))")
            }
            guard fields.count == 3, let i = NumberText.parseInt(fields[0]), let j = NumberText.parseInt(fields[1]),
                  let b = NumberText.parseDouble(fields[2], words: true) else {
                throw IsingError("\(name):\(number): expected `i j bias`, found \(TextLines.quote(line))")
            }
            guard b.isFinite else { throw IsingError("\(name):\(number): expected a finite bias, found \(TextLines.quote(line))") }
            for x in [i, j] where x < 0 || x >= p.maxNodes {
                throw IsingError("\(name):\(number): node \(x) is outside 0..<\(p.maxNodes) (maxNodes on line \(p.line))")
            }
            if i == j {
                if let earlier = seenNodes[i] {
                    throw IsingError("\(name):\(number): node \(i) appears twice (first on line \(earlier))")
                }
                seenNodes[i] = number
                nodeCount += 1
                guard nodeCount <= p.nodes else {
                    throw IsingError("\(name):\(number): more node lines than the \(p.nodes) declared on line \(p.line)")
                }
                model.addLinear(.int(i), b)
            } else {
                guard i < j else {
                    throw IsingError("\(name):\(number): expected a coupler `i j bias` with i < j, found \(TextLines.quote(line))")
                }
                let pair = BinaryQuadraticModel.Pair(i, j)
                if let earlier = seenCouplers[pair] {
                    throw IsingError("\(name):\(number): coupler \(i) \(j) appears twice (first on line \(earlier))")
                }
                seenCouplers[pair] = number
                couplerCount += 1
                guard couplerCount <= p.couplers else {
                    throw IsingError("\(name):\(number): more coupler lines than the \(p.couplers) declared on line \(p.line)")
                }
                model.addQuadratic(.int(i), .int(j), b)
            }
        }
        guard let p = program else {
            throw IsingError("\(name): expected a program line `p qubo 0 maxNodes nNodes nCouplers`, found none")
        }
        guard nodeCount == p.nodes, couplerCount == p.couplers else {
            throw IsingError("\(name):\(p.line): the program line declares \(p.nodes) nodes and \(p.couplers) couplers, but the file has \(nodeCount) and \(couplerCount)")
        }
        return model
    }
}
