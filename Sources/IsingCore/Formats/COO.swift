import Foundation

/// dimod's COO text format (`dimod.serialization.coo`): one term per line, `i j bias`,
/// where a linear bias is written `i i bias`, with the vartype in a header comment
/// `# vartype=SPIN` (or `BINARY`). Variables are non-negative integers.
///
/// qrepl writes every variable's linear line first, in the model's variable order (zero
/// biases included, so no variable is lost and the order survives), then the
/// interactions in the model's order; biases are written in positional notation with
/// the shortest digits that read back exactly (dimod's reader does not accept
/// exponents). The format has no offset: a non-zero offset is written as a comment
/// `# offset=…`, which qrepl reads back and dimod ignores.
///
/// The reader accepts what dimod writes and more: blank lines, `#` comments anywhere,
/// exponents in biases. Unlike dimod, which skips lines it does not understand, it
/// reports them, with file and line. Repeated terms add up, as in dimod.
public enum COOFormat {
    /// Writes a model as COO text, atomically (temporary file, then rename).
    ///
    /// - Throws: when a label is not a non-negative integer, a bias is not finite, or
    ///   the file cannot be written.
    public static func save(_ model: BinaryQuadraticModel, to path: String) throws {
        try FileIO.writeAtomically(path, text: encode(model, name: path))
    }

    /// Reads a COO file. The vartype comes from the `# vartype=` header or, when the file
    /// has none, from `vartype`; both present and different is an error.
    public static func load(_ path: String, vartype: Vartype? = nil) throws -> BinaryQuadraticModel {
        try decode(FileIO.readText(path), name: path, vartype: vartype)
    }

    /// The COO text of a model. `name` is used in error messages.
    public static func encode(_ model: BinaryQuadraticModel, name: String = "COO output") throws -> String {
        var indices: [Int] = []
        indices.reserveCapacity(model.count)
        for v in model.variables {
            guard case .int(let i) = v, i >= 0 else {
                throw IsingError("cannot write \(name): the COO format labels variables by non-negative integers, and \(labelText(v)) is not one (relabel the model first)")
            }
            indices.append(i)
        }
        func bias(_ x: Double, _ what: String) throws -> String {
            guard x.isFinite else { throw IsingError("cannot write \(name): the \(what) is \(x), which the COO format cannot hold") }
            return NumberText.positional(x)
        }
        var out = "# vartype=\(model.vartype.rawValue)\n"
        if model.offset != 0 {
            out += "# offset=\(try bias(model.offset, "offset"))\n"
        }
        for (k, i) in indices.enumerated() {
            out += "\(i) \(i) \(try bias(model.linear[k], "bias of variable \(i)"))\n"
        }
        for t in model.interactions {
            let a = indices[t.u], b = indices[t.v]
            out += "\(min(a, b)) \(max(a, b)) \(try bias(t.bias, "bias between \(a) and \(b)"))\n"
        }
        return out
    }

    /// Reads COO text. `name` (usually the file path) starts every error message.
    public static func decode(_ text: String, name: String, vartype: Vartype? = nil) throws -> BinaryQuadraticModel {
        var headerType: (Vartype, Int)?
        var offset = 0.0
        var terms: [(Int, Int, Double)] = []
        for (number, line) in TextLines.split(text) {
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" || $0 == "\u{0C}" })
            if trimmed.isEmpty { continue }
            if trimmed.first == "#" {
                if let found = try header(trimmed, "vartype", name: name, line: number) {
                    guard let v = Vartype(rawValue: found.uppercased()) else {
                        throw IsingError("\(name):\(number): expected `# vartype=SPIN` or `# vartype=BINARY`, found vartype \(found)")
                    }
                    if let (earlier, at) = headerType, earlier != v {
                        throw IsingError("\(name):\(number): vartype \(v.rawValue) contradicts vartype \(earlier.rawValue) on line \(at)")
                    }
                    headerType = (v, number)
                } else if let found = try header(trimmed, "offset", name: name, line: number) {
                    guard let x = NumberText.parseDouble(found), x.isFinite else {
                        throw IsingError("\(name):\(number): expected a number after `# offset=`, found `\(found)`")
                    }
                    offset += x
                }
                continue
            }
            let fields = TextLines.fields(trimmed)
            guard fields.count == 3, let i = NumberText.parseInt(fields[0]), let j = NumberText.parseInt(fields[1]),
                  let b = NumberText.parseDouble(fields[2]) else {
                throw IsingError("\(name):\(number): expected `i j bias`, found \(TextLines.quote(line))")
            }
            guard i >= 0, j >= 0 else {
                throw IsingError("\(name):\(number): expected non-negative integer variables, found \(TextLines.quote(line))")
            }
            guard b.isFinite else {
                throw IsingError("\(name):\(number): expected a finite bias, found \(TextLines.quote(line))")
            }
            terms.append((i, j, b))
        }
        let chosen: Vartype
        switch (headerType, vartype) {
        case (let (h, at)?, let given?) where h != given:
            throw IsingError("\(name):\(at): the file says vartype \(h.rawValue) but \(given.rawValue) was asked for")
        case (let (h, _)?, _): chosen = h
        case (nil, let given?): chosen = given
        case (nil, nil):
            throw IsingError("\(name): expected a `# vartype=SPIN` or `# vartype=BINARY` header line (or give the vartype when loading), found none")
        }
        var model = BinaryQuadraticModel(vartype: chosen)
        for (i, j, b) in terms {
            if i == j { model.addLinear(.int(i), b) } else { model.addQuadratic(.int(i), .int(j), b) }
        }
        model.offset = offset
        return model
    }

    /// The value after `key` `=` or `:` in a comment line, as dimod's header pattern reads
    /// it (`# vartype=SPIN`, `# vartype: BINARY`); nil when the comment has no such key.
    private static func header(_ comment: Substring, _ key: String, name: String, line: Int) throws -> String? {
        guard let r = comment.range(of: key) else { return nil }
        var rest = comment[r.upperBound...]
        guard let sep = rest.first, sep == "=" || sep == ":" else { return nil }
        rest = rest.dropFirst().drop(while: { $0 == " " || $0 == "\t" })
        let value = rest.prefix(while: { !$0.isWhitespace })
        guard !value.isEmpty else {
            throw IsingError("\(name):\(line): expected a value after `\(key)\(sep)`, found nothing")
        }
        return String(value)
    }

    static func labelText(_ label: Label) -> String {
        switch label {
        case .int(let i): return "variable \(i)"
        case .string(let s): return "variable \"\(s)\""
        }
    }
}
