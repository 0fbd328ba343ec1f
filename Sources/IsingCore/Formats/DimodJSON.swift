import Foundation

/// dimod's JSON serialisation of binary quadratic models and sample sets: the text of
/// `json.dumps(bqm.to_serializable())` and `json.dumps(sampleset.to_serializable())`.
///
/// **What is written.** The forms dimod 0.12 writes: BQM schema 3.0.0 and sample-set
/// schema 3.2.0, arrays as JSON lists (`"use_bytes": false`), samples packed one bit per
/// variable into `uint32` words (bit `j % 32` of word `j / 32` is variable `j`), laid out
/// byte for byte as Python's `json.dumps` lays them out. Variable order and interaction
/// order are kept; doubles are written in shortest round-trip form, so a loaded model
/// has exactly the biases that were saved.
///
/// **What is read.** Everything dimod's `from_serializable` accepts: BQM schemas from
/// 2.0.0 on and sample-set schemas from 3.0.0 on, packed or unpacked samples, integral
/// biases written as integers, `NaN`/`Infinity`. dimod never puts bytes in JSON (they are
/// not JSON-serialisable), but when `use_bytes` is true and an array is a string it is
/// read as base64 of little-endian values of the declared type, the form other tools use.
///
/// **Labels.** dimod labels are any hashable Python value; qrepl's are integers and
/// strings. Integers (and integral floats, which Python treats as equal to them) become
/// `.int`, strings `.string`. Tuple labels, which JSON carries as lists, become strings
/// spelt as Python prints the tuple: `["c", 1]` is the label `"('c', 1)"`, `[0, [1, 2]]`
/// is `"(0, (1, 2))"`; booleans become 1 and 0 and non-integral floats their `repr`.
/// Such labels are written back as strings, so a tuple label does not round-trip to
/// dimod as a tuple.
///
/// **Sample sets.** The `energy` and `num_occurrences` vectors are read; other vectors
/// (such as `chain_break_fraction`) are skipped. `info` entries that are integers,
/// floats, strings or lists (or serialised arrays) of numbers keep their type; any
/// other entry is kept as its JSON text in a string. qrepl's `seconds` and exact
/// summary are not written.
public enum DimodJSON {
    /// The BQM schema version written (dimod 0.12 writes the same).
    public static let bqmSchema = "3.0.0"
    /// The sample-set schema version written (dimod 0.12 writes the same).
    public static let sampleSetSchema = "3.2.0"

    /// What a dimod JSON file holds.
    public enum Document: Sendable {
        case model(BinaryQuadraticModel)
        case samples(SampleSet)
    }

    // MARK: Files

    /// Writes a model as dimod JSON, atomically (temporary file, then rename).
    public static func save(_ model: BinaryQuadraticModel, to path: String) throws {
        try FileIO.writeAtomically(path, text: encode(model) + "\n")
    }

    /// Writes a sample set as dimod JSON, atomically (temporary file, then rename).
    public static func save(_ samples: SampleSet, to path: String) throws {
        guard samples.hasEnergies else {
            throw IsingError("these samples were decoded from chains without the logical Hamiltonian, so they have no energies to write; decode with H: first")
        }
        try FileIO.writeAtomically(path, text: encode(samples) + "\n")
    }

    /// Reads a dimod JSON file holding either a model or a sample set.
    public static func load(_ path: String) throws -> Document {
        try decode(FileIO.readText(path), name: path)
    }

    /// Reads a dimod JSON file that must hold a binary quadratic model.
    public static func loadModel(_ path: String) throws -> BinaryQuadraticModel {
        try decodeModel(FileIO.readText(path), name: path)
    }

    /// Reads a dimod JSON file that must hold a sample set.
    public static func loadSampleSet(_ path: String) throws -> SampleSet {
        try decodeSampleSet(FileIO.readText(path), name: path)
    }

    // MARK: Text

    /// The dimod JSON text of a model (without a trailing newline).
    public static func encode(_ model: BinaryQuadraticModel) -> String {
        JSON.write(modelNode(model))
    }

    /// The dimod JSON text of a sample set (without a trailing newline).
    public static func encode(_ samples: SampleSet) -> String {
        JSON.write(sampleSetNode(samples))
    }

    /// Reads dimod JSON text holding a model or a sample set (told apart by `"type"`).
    /// `name` starts error messages.
    public static func decode(_ text: String, name: String) throws -> Document {
        let root = try JSON.parse(text, name: name)
        let reader = Reader(name: name)
        let type = try reader.typeName(root)
        switch type {
        case "SampleSet": return .samples(try reader.sampleSet(root))
        case "BinaryQuadraticModel", nil:
            if type == nil, root["sample_data"] != nil { return .samples(try reader.sampleSet(root)) }
            return .model(try reader.model(root))
        default:
            throw reader.fail(root, "expected a dimod BinaryQuadraticModel or SampleSet, found type \"\(type ?? "")\"")
        }
    }

    /// Reads dimod JSON text that must hold a binary quadratic model.
    public static func decodeModel(_ text: String, name: String) throws -> BinaryQuadraticModel {
        let root = try JSON.parse(text, name: name)
        let reader = Reader(name: name)
        if let type = try reader.typeName(root), type != "BinaryQuadraticModel" {
            throw reader.fail(root, "expected a BinaryQuadraticModel, found a \(type)")
        }
        return try reader.model(root)
    }

    /// Reads dimod JSON text that must hold a sample set.
    public static func decodeSampleSet(_ text: String, name: String) throws -> SampleSet {
        let root = try JSON.parse(text, name: name)
        let reader = Reader(name: name)
        let type = try reader.typeName(root)
        guard type == "SampleSet" || (type == nil && root["sample_data"] != nil) else {
            throw reader.fail(root, "expected a SampleSet, found \(type.map { "a \($0)" } ?? "no \"type\": \"SampleSet\"")")
        }
        return try reader.sampleSet(root)
    }

    // MARK: Writing

    private static func labelNode(_ label: Label) -> JSONNode {
        switch label {
        case .int(let i): return JSON.integer(i)
        case .string(let s): return JSON.string(s)
        }
    }

    private static func modelNode(_ m: BinaryQuadraticModel) -> JSONNode {
        JSON.object([
            ("type", JSON.string("BinaryQuadraticModel")),
            ("version", JSON.object([("bqm_schema", JSON.string(bqmSchema))])),
            ("use_bytes", JSONNode(.bool(false))),
            ("index_type", JSON.string(m.count < Int(Int32.max) ? "int32" : "int64")),
            ("bias_type", JSON.string("float64")),
            ("num_variables", JSON.integer(m.count)),
            ("num_interactions", JSON.integer(m.interactions.count)),
            ("variable_labels", JSON.array(m.variables.map(labelNode))),
            ("variable_type", JSON.string(m.vartype.rawValue)),
            ("offset", JSON.number(m.offset)),
            ("info", JSON.object([])),
            ("linear_biases", JSON.array(m.linear.map(JSON.number))),
            ("quadratic_biases", JSON.array(m.interactions.map { JSON.number($0.bias) })),
            ("quadratic_head", JSON.array(m.interactions.map { JSON.integer($0.u) })),
            ("quadratic_tail", JSON.array(m.interactions.map { JSON.integer($0.v) })),
        ])
    }

    private static func ndarray(_ data: JSONNode, type: String, shape: [Int]) -> JSONNode {
        JSON.object([
            ("type", JSON.string("array")),
            ("data", data),
            ("data_type", JSON.string(type)),
            ("shape", JSON.array(shape.map(JSON.integer))),
            ("use_bytes", JSONNode(.bool(false))),
        ])
    }

    private static func sampleSetNode(_ s: SampleSet) -> JSONNode {
        let n = s.variables.count, rows = s.size
        let sampleData: JSONNode
        if n == 0 || rows == 0 {
            // dimod keeps the unpacked shape when there is nothing to pack.
            sampleData = ndarray(JSON.array([JSONNode](repeating: JSON.array([]), count: rows)),
                                 type: "uint32", shape: [rows, n])
        } else {
            let words = (n + 31) / 32
            var packedRows: [JSONNode] = []
            packedRows.reserveCapacity(rows)
            for r in 0..<rows {
                var packed = [UInt32](repeating: 0, count: words)
                for j in 0..<n where s.states[r * n + j] > 0 { packed[j / 32] |= 1 << UInt32(j % 32) }
                packedRows.append(JSON.array(packed.map { JSON.integer(Int($0)) }))
            }
            sampleData = ndarray(JSON.array(packedRows), type: "uint32", shape: [rows, words])
        }
        let infoMembers: [(String, JSONNode)] = s.info.map { key, value in
            switch value {
            case .int(let i): return (key, JSON.integer(i))
            case .double(let d): return (key, JSON.number(d))
            case .string(let t): return (key, JSON.string(t))
            case .doubles(let xs): return (key, JSON.array(xs.map(JSON.number)))
            }
        }
        return JSON.object([
            ("type", JSON.string("SampleSet")),
            ("version", JSON.object([("sampleset_schema", JSON.string(sampleSetSchema))])),
            ("num_variables", JSON.integer(n)),
            ("num_rows", JSON.integer(rows)),
            ("sample_data", sampleData),
            ("sample_type", JSON.string("int8")),
            ("sample_packed", JSONNode(.bool(true))),
            ("vectors", JSON.object([
                ("energy", ndarray(JSON.array(s.energies.map(JSON.arrayNumber)), type: "float64", shape: [rows])),
                ("num_occurrences", ndarray(JSON.array(s.counts.map(JSON.integer)), type: "int64", shape: [rows])),
            ])),
            ("variable_labels", JSON.array(s.variables.map(labelNode))),
            ("variable_type", JSON.string(s.vartype.rawValue)),
            ("info", JSON.object(infoMembers)),
        ])
    }

    // MARK: Reading

    private struct Reader {
        let name: String

        func fail(_ node: JSONNode, _ message: String) -> IsingError {
            IsingError("\(name):\(node.line):\(node.column): \(message)")
        }

        func member(_ object: JSONNode, _ key: String, in what: String) throws -> JSONNode {
            guard let v = object[key] else { throw fail(object, "expected key \"\(key)\" in the \(what) object") }
            return v
        }

        func typeName(_ root: JSONNode) throws -> String? {
            guard root.isObject else { throw fail(root, "expected a JSON object from dimod's to_serializable(), found \(root.kind)") }
            guard let t = root["type"] else { return nil }
            guard let s = t.string else { throw fail(t, "expected \"type\" to be a string, found \(t.kind)") }
            return s
        }

        func int(_ node: JSONNode, _ what: String, min: Int = 0) throws -> Int {
            guard let i = node.int, i >= min else {
                throw fail(node, "expected \(what) (an integer ≥ \(min)), found \(node.kind)")
            }
            return i
        }

        func double(_ node: JSONNode, _ what: String) throws -> Double {
            guard let d = node.double else { throw fail(node, "expected \(what) (a number), found \(node.kind)") }
            return d
        }

        func vartype(_ node: JSONNode) throws -> Vartype {
            guard let s = node.string, let v = Vartype(rawValue: s) else {
                throw fail(node, "expected \"variable_type\" to be \"SPIN\" or \"BINARY\", found \(node.kind)")
            }
            return v
        }

        func schema(_ root: JSONNode, key: String, default fallback: String?) throws -> (String, JSONNode) {
            guard let version = root["version"] else {
                guard let fallback else { throw fail(root, "expected key \"version\" with the \(key)") }
                return (fallback, root)
            }
            guard let v = version[key], let s = v.string else {
                throw fail(version, "expected \"version\" to be an object with a \"\(key)\" string")
            }
            return (s, v)
        }

        // Labels

        func label(_ node: JSONNode) throws -> Label {
            switch node.value {
            case .string(let s): return .string(s)
            case .number:
                if let i = node.int { return .int(i) }
                if let d = node.double, d.rounded() != d || !d.isFinite { return .string(NumberText.pythonRepr(d)) }
                throw fail(node, "expected a variable label that fits in a 64-bit integer, found \(node.kind)")
            case .bool(let b): return .int(b ? 1 : 0)
            case .array: return .string(pythonText(node))
            case .null, .object:
                throw fail(node, "expected a variable label (an integer, a string or a list), found \(node.kind)")
            }
        }

        /// How Python prints the value a label list stands for (lists are tuples there).
        func pythonText(_ node: JSONNode) -> String {
            switch node.value {
            case .null: return "None"
            case .bool(let b): return b ? "True" : "False"
            case .number(let t):
                if Int(t) != nil { return t }
                return node.double.map(NumberText.pythonRepr) ?? t
            case .string(let s):
                let quote: Character = s.contains("'") && !s.contains("\"") ? "\"" : "'"
                var out = String(quote)
                for c in s {
                    if c == "\\" { out += "\\\\" } else if c == quote { out += "\\'" } else if c == "\n" { out += "\\n" } else { out.append(c) }
                }
                return out + String(quote)
            case .array(let items):
                let inner = items.map(pythonText).joined(separator: ", ")
                return "(" + inner + (items.count == 1 ? ",)" : ")")
            case .object(let members):
                return "{" + members.map { pythonText(JSONNode(.string($0.key))) + ": " + pythonText($0.value) }.joined(separator: ", ") + "}"
            }
        }

        func labels(_ node: JSONNode, count: Int?) throws -> [Label] {
            guard let items = node.array else { throw fail(node, "expected \"variable_labels\" to be a list, found \(node.kind)") }
            if let count, items.count != count {
                throw fail(node, "expected \(count) variable labels (num_variables), found \(items.count)")
            }
            var seen = Set<Label>()
            var out: [Label] = []
            out.reserveCapacity(items.count)
            for item in items {
                let l = try label(item)
                guard seen.insert(l).inserted else { throw fail(item, "variable label \(l) appears more than once") }
                out.append(l)
            }
            return out
        }

        // Arrays

        /// Numbers of a flat list, or of base64 bytes when `bytesType` is given.
        func numbers(_ node: JSONNode, _ what: String, bytesType: String?) throws -> [Double] {
            if let bytesType, let text = node.string {
                return try decodeBytes(node, text, type: bytesType, what)
            }
            guard let items = node.array else { throw fail(node, "expected \(what) to be a list of numbers, found \(node.kind)") }
            return try items.map { try double($0, "an element of \(what)") }
        }

        func decodeBytes(_ node: JSONNode, _ text: String, type: String, _ what: String) throws -> [Double] {
            guard let data = Data(base64Encoded: text) else {
                throw fail(node, "expected \(what) as base64 text (use_bytes is true), found text that is not base64")
            }
            let bytes = [UInt8](data)
            let width: Int
            switch type {
            case "float64", "int64", "uint64": width = 8
            case "float32", "int32", "uint32": width = 4
            case "int16", "uint16": width = 2
            case "int8", "uint8", "bool": width = 1
            default: throw fail(node, "expected a numeric data type for \(what), found \"\(type)\"")
            }
            guard bytes.count % width == 0 else {
                throw fail(node, "expected \(what) to hold whole \(type) values, found \(bytes.count) bytes")
            }
            var out: [Double] = []
            out.reserveCapacity(bytes.count / width)
            var k = 0
            while k < bytes.count {
                var bits: UInt64 = 0
                for b in 0..<width { bits |= UInt64(bytes[k + b]) << UInt64(8 * b) }
                switch type {
                case "float64": out.append(Double(bitPattern: bits))
                case "float32": out.append(Double(Float(bitPattern: UInt32(bits))))
                case "int64": out.append(Double(Int64(bitPattern: bits)))
                case "int32": out.append(Double(Int32(bitPattern: UInt32(bits))))
                case "int16": out.append(Double(Int16(bitPattern: UInt16(bits))))
                case "int8": out.append(Double(Int8(bitPattern: UInt8(bits))))
                default: out.append(Double(bits))
                }
                k += width
            }
            return out
        }

        /// A serialised NumPy array (`{"type": "array", "data": ..., "shape": ...}`),
        /// flattened in C order.
        func ndarray(_ node: JSONNode, _ what: String) throws -> (shape: [Int], values: [Double]) {
            guard node.isObject else { throw fail(node, "expected \(what) to be a serialised array object, found \(node.kind)") }
            let shapeNode = try member(node, "shape", in: what)
            guard let dims = shapeNode.array else { throw fail(shapeNode, "expected the shape of \(what) to be a list") }
            let shape = try dims.map { try int($0, "a dimension of \(what)") }
            let dataNode = try member(node, "data", in: what)
            var values: [Double] = []
            if node["use_bytes"].map({ if case .bool(true) = $0.value { return true } else { return false } }) ?? false,
               let text = dataNode.string {
                let typeNode = try member(node, "data_type", in: what)
                guard let type = typeNode.string else { throw fail(typeNode, "expected the data_type of \(what) to be a string") }
                values = try decodeBytes(dataNode, text, type: type, what)
                let expected = shape.reduce(1, *)
                guard values.count == expected else {
                    throw fail(dataNode, "expected \(expected) values in \(what) for shape \(shape), found \(values.count)")
                }
            } else {
                try flatten(dataNode, shape[...], what, into: &values)
            }
            return (shape, values)
        }

        func flatten(_ node: JSONNode, _ shape: ArraySlice<Int>, _ what: String, into out: inout [Double]) throws {
            guard let first = shape.first else {
                out.append(try double(node, "an element of \(what)"))
                return
            }
            guard let items = node.array, items.count == first else {
                throw fail(node, "expected a list of \(first) in \(what) (its shape says so), found \(node.array.map { "a list of \($0.count)" } ?? node.kind)")
            }
            for item in items { try flatten(item, shape.dropFirst(), what, into: &out) }
        }

        // Models

        func model(_ root: JSONNode) throws -> BinaryQuadraticModel {
            let what = "BinaryQuadraticModel"
            let (version, versionNode) = try schema(root, key: "bqm_schema", default: "1.0.0")
            if version.compare("2.0.0", options: .numeric) == .orderedAscending {
                throw fail(versionNode, "bqm_schema \(version) is no longer supported (dimod reads 2.0.0 and later)")
            }
            var useBytes = false
            if let u = root["use_bytes"] {
                guard case .bool(let b) = u.value else { throw fail(u, "expected \"use_bytes\" to be true or false, found \(u.kind)") }
                useBytes = b
            }
            if useBytes, version.compare("3.0.0", options: .numeric) == .orderedAscending {
                throw fail(versionNode, "byte-encoded bqm_schema \(version) is no longer supported (dimod reads 3.0.0 and later)")
            }
            var biasType: String?, indexType: String?
            if useBytes {
                let b = try member(root, "bias_type", in: what), i = try member(root, "index_type", in: what)
                guard let bs = b.string else { throw fail(b, "expected \"bias_type\" to be a string") }
                guard let isx = i.string else { throw fail(i, "expected \"index_type\" to be a string") }
                biasType = bs
                indexType = isx
            }
            let vartype = try self.vartype(try member(root, "variable_type", in: what))
            let count = try root["num_variables"].map { try int($0, "\"num_variables\"") }
            let labels = try self.labels(try member(root, "variable_labels", in: what), count: count)
            let linearNode = try member(root, "linear_biases", in: what)
            let linear = try numbers(linearNode, "\"linear_biases\"", bytesType: biasType)
            guard linear.count == labels.count else {
                throw fail(linearNode, "expected \(labels.count) linear biases (one per variable), found \(linear.count)")
            }
            let biasNode = try member(root, "quadratic_biases", in: what)
            let headNode = try member(root, "quadratic_head", in: what)
            let tailNode = try member(root, "quadratic_tail", in: what)
            let biases = try numbers(biasNode, "\"quadratic_biases\"", bytesType: biasType)
            let heads = try numbers(headNode, "\"quadratic_head\"", bytesType: indexType)
            let tails = try numbers(tailNode, "\"quadratic_tail\"", bytesType: indexType)
            guard heads.count == biases.count, tails.count == biases.count else {
                throw fail(biasNode, "expected \"quadratic_biases\", \"quadratic_head\" and \"quadratic_tail\" of one length, found \(biases.count), \(heads.count) and \(tails.count)")
            }
            if let m = root["num_interactions"] {
                let declared = try int(m, "\"num_interactions\"")
                guard declared == biases.count else {
                    throw fail(m, "expected \(biases.count) interactions as the lists hold, found num_interactions \(declared)")
                }
            }
            var bqm = BinaryQuadraticModel(vartype: vartype)
            for (label, bias) in zip(labels, linear) { bqm.addLinear(label, bias) }
            for k in biases.indices {
                let (u, v) = (heads[k], tails[k])
                for (x, node) in [(u, headNode), (v, tailNode)] {
                    guard x.rounded() == x, x >= 0, x < Double(labels.count) else {
                        let place = node.array.map { $0[k] } ?? node
                        throw fail(place, "expected a variable index in 0..<\(labels.count), found \(NumberText.pythonRepr(x))")
                    }
                }
                guard u != v else {
                    let place = headNode.array.map { $0[k] } ?? headNode
                    throw fail(place, "variable \(labels[Int(u)]) cannot interact with itself (interaction \(k))")
                }
                bqm.addQuadratic(index: Int(u), index: Int(v), biases[k])
            }
            bqm.offset = try double(try member(root, "offset", in: what), "\"offset\"")
            return bqm
        }

        // Sample sets

        func sampleSet(_ root: JSONNode) throws -> SampleSet {
            let what = "SampleSet"
            let (version, versionNode) = try schema(root, key: "sampleset_schema", default: nil)
            if version.compare("3.0.0", options: .numeric) == .orderedAscending {
                throw fail(versionNode, "sampleset_schema \(version) is no longer supported (dimod reads 3.0.0 and later)")
            }
            let vartypeNode = try member(root, "variable_type", in: what)
            if let s = vartypeNode.string, s == "DISCRETE" || s == "INTEGER" {
                throw fail(vartypeNode, "expected SPIN or BINARY samples, found \(s) samples (qrepl holds only spins and binaries)")
            }
            let vartype = try self.vartype(vartypeNode)
            let n = try int(try member(root, "num_variables", in: what), "\"num_variables\"")
            let labels = try self.labels(try member(root, "variable_labels", in: what), count: n)

            let vectorsNode = try member(root, "vectors", in: what)
            guard vectorsNode.isObject else { throw fail(vectorsNode, "expected \"vectors\" to be an object, found \(vectorsNode.kind)") }
            let energyNode = try member(vectorsNode, "energy", in: "\"vectors\"")
            let energy = try ndarray(energyNode, "the energy vector")
            guard energy.shape.count == 1 else { throw fail(energyNode, "expected a 1-D energy vector, found shape \(energy.shape)") }
            let rows = energy.values.count
            if let r = root["num_rows"] {
                let declared = try int(r, "\"num_rows\"")
                guard declared == rows else { throw fail(r, "expected num_rows to match the \(rows) energies, found \(declared)") }
            }
            var counts = [Int](repeating: 1, count: rows)
            if let occNode = vectorsNode["num_occurrences"] {
                let occ = try ndarray(occNode, "the num_occurrences vector")
                guard occ.shape == [rows] else { throw fail(occNode, "expected \(rows) occurrence counts, found shape \(occ.shape)") }
                for (k, c) in occ.values.enumerated() {
                    guard c.rounded() == c, c >= 0, c < 9.2e18 else {
                        throw fail(occNode, "expected whole, non-negative occurrence counts, found \(NumberText.pythonRepr(c)) in row \(k)")
                    }
                    counts[k] = Int(c)
                }
            }

            let sampleNode = try member(root, "sample_data", in: what)
            let data = try ndarray(sampleNode, "\"sample_data\"")
            var packed = true
            if let p = root["sample_packed"] {
                guard case .bool(let b) = p.value else { throw fail(p, "expected \"sample_packed\" to be true or false, found \(p.kind)") }
                packed = b
            }
            var states = [Int8](repeating: 0, count: rows * n)
            let (lo, hi) = vartype.values
            if packed && rows > 0 && n > 0 {
                let words = (n + 31) / 32
                guard data.shape == [rows, words] else {
                    throw fail(sampleNode, "expected packed samples of shape [\(rows), \(words)] (\(rows) rows of \(n) variables in 32-bit words), found \(data.shape)")
                }
                for r in 0..<rows {
                    for w in 0..<words {
                        let x = data.values[r * words + w]
                        guard x.rounded() == x, x >= 0, x <= Double(UInt32.max) else {
                            throw fail(sampleNode, "expected 32-bit unsigned words in packed samples, found \(NumberText.pythonRepr(x)) in row \(r)")
                        }
                        let word = UInt32(x)
                        for b in 0..<32 where w * 32 + b < n {
                            states[r * n + w * 32 + b] = (word >> UInt32(b)) & 1 == 1 ? hi : lo
                        }
                    }
                }
            } else if !packed {
                guard data.shape == [rows, n] else {
                    throw fail(sampleNode, "expected samples of shape [\(rows), \(n)], found \(data.shape)")
                }
                for (k, x) in data.values.enumerated() {
                    guard x == Double(lo) || x == Double(hi) else {
                        throw fail(sampleNode, "expected \(vartype == .spin ? "spins -1 or +1" : "binaries 0 or 1"), found \(NumberText.pythonRepr(x)) in row \(k / max(n, 1)), variable \(labels[k % max(n, 1)])")
                    }
                    states[k] = Int8(x)
                }
            } else {
                guard data.values.isEmpty else {
                    throw fail(sampleNode, "expected no sample data for \(rows) rows of \(n) variables, found \(data.values.count) values")
                }
            }

            var info: [(String, InfoValue)] = []
            if let infoNode = root["info"] {
                guard case .object(let members) = infoNode.value else {
                    throw fail(infoNode, "expected \"info\" to be an object, found \(infoNode.kind)")
                }
                for (key, value) in members { info.append((key, infoValue(value))) }
            }
            return SampleSet(variables: labels, vartype: vartype, states: states, energies: energy.values,
                             counts: counts, info: info)
        }

        func infoValue(_ node: JSONNode) -> InfoValue {
            switch node.value {
            case .number(let t):
                if let i = Int(t) { return .int(i) }
                return .double(node.double ?? .nan)
            case .string(let s): return .string(s)
            case .array(let items):
                let xs = items.compactMap(\.double)
                if xs.count == items.count { return .doubles(xs) }
            case .object:
                if node["type"]?.string == "array", let a = try? ndarray(node, "info") { return .doubles(a.values) }
            default: break
            }
            return .string(JSON.write(node))
        }
    }
}
