/// The file formats a binary quadratic model can be saved in.
public enum ModelFileFormat: String, Sendable, CaseIterable {
    /// dimod's JSON serialisation (`DimodJSON`).
    case json
    /// dimod's COO text (`COOFormat`).
    case coo
    /// qbsolv's `.qubo` text (`QbsolvFormat`).
    case qubo

    /// The format a path's extension names (`.json`, `.coo`, `.qubo`, any case), if any.
    public init?(path: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        self.init(rawValue: name[name.index(after: dot)...].lowercased())
    }
}

/// Saving and loading models in whichever format the file name's extension names.
public enum ModelFiles {
    /// The format for `path`: `explicit` when given, otherwise from the extension.
    ///
    /// - Throws: when neither says, listing the known extensions.
    public static func format(for path: String, explicit: ModelFileFormat? = nil) throws -> ModelFileFormat {
        if let explicit { return explicit }
        guard let f = ModelFileFormat(path: path) else {
            let known = ModelFileFormat.allCases.map { "." + $0.rawValue }.joined(separator: ", ")
            throw IsingError("\(path): cannot tell the model format from the file name (expected \(known))")
        }
        return f
    }

    /// Saves a model atomically in the format its extension names (or `format`).
    public static func save(_ model: BinaryQuadraticModel, to path: String, format: ModelFileFormat? = nil) throws {
        switch try self.format(for: path, explicit: format) {
        case .json: try DimodJSON.save(model, to: path)
        case .coo: try COOFormat.save(model, to: path)
        case .qubo: try QbsolvFormat.save(model, to: path)
        }
    }

    /// Loads a model from a file in the format its extension names (or `format`).
    /// `vartype` is needed only for COO files without a `# vartype=` header.
    public static func loadModel(_ path: String, format: ModelFileFormat? = nil, vartype: Vartype? = nil) throws -> BinaryQuadraticModel {
        switch try self.format(for: path, explicit: format) {
        case .json: return try DimodJSON.loadModel(path)
        case .coo: return try COOFormat.load(path, vartype: vartype)
        case .qubo: return try QbsolvFormat.load(path)
        }
    }
}
