/// Candidates for the word that ends at the cursor.
struct CompletionProposal: Equatable {
    /// The text just before the cursor that a candidate would replace (may be empty).
    var typed: String
    /// Whole words that could stand in place of `typed`.
    var candidates: [String]
}

/// What pressing Tab does to the line being edited, decided from a `CompletionProposal`.
enum CompletionEdit: Equatable {
    /// No change; the editor beeps.
    case nothing
    /// Insert this text at the cursor.
    case insert(String)
    /// Delete this many characters (Unicode scalars) before the cursor, then insert the text.
    case replace(characters: Int, with: String)
    /// Several candidates and nothing more to insert: show them.
    case list([String])

    /// What Tab inserts where there is no word to complete (so pasted, tab-indented code stays intact).
    static let indentation = "    "

    /// At most this many candidates are listed; the rest are counted.
    static let listLimit = 200

    /// Inserts the longest prefix shared by all candidates, or lists them when that adds nothing.
    static func decide(for proposal: CompletionProposal) -> CompletionEdit {
        var seen = Set<String>()
        let candidates = proposal.candidates.filter { !$0.isEmpty && seen.insert($0).inserted }
        guard !candidates.isEmpty else { return .nothing }
        let typed = proposal.typed
        let common = commonPrefix(of: candidates)

        if common.hasPrefix(typed) {
            let extra = common.dropFirst(typed.count)
            if !extra.isEmpty { return .insert(String(extra)) }
        } else if !common.isEmpty && !typed.hasPrefix(common) {
            // The candidates spell the word differently (say, in another case): rewrite it.
            return .replace(characters: typed.unicodeScalars.count, with: common)
        }
        return candidates.count > 1 ? .list(candidates.sorted()) : .nothing
    }

    /// The longest string that every one of `words` starts with.
    static func commonPrefix(of words: [String]) -> String {
        guard let first = words.first else { return "" }
        var prefix = Substring(first)
        for word in words.dropFirst() {
            while !word.hasPrefix(prefix) { prefix = prefix.dropLast() }
            if prefix.isEmpty { break }
        }
        return String(prefix)
    }

    /// `items` laid out column by column to fit `width` terminal columns, one row per line.
    static func columns(_ items: [String], width: Int) -> String {
        let shown = Array(items.prefix(listLimit))
        guard !shown.isEmpty else { return "" }
        let cell = (shown.map(\.count).max() ?? 0) + 2
        let perRow = max(1, max(width, 1) / cell)
        let rows = (shown.count + perRow - 1) / perRow
        var text = ""
        for row in 0..<rows {
            var line = ""
            for column in 0..<perRow {
                let index = column * rows + row
                guard index < shown.count else { break }
                let item = shown[index]
                let isLast = (column + 1) * rows + row >= shown.count
                line += isLast ? item : item.padding(to: cell)
            }
            text += line + "\n"
        }
        if items.count > shown.count {
            text += "... and \(items.count - shown.count) more\n"
        }
        return text
    }
}

extension String {
    /// The string followed by spaces up to `width` characters (unchanged when already wider).
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
