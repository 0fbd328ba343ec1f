/// Turns source bytes into tokens with exact byte ranges.
///
/// Line breaks become `.newline` tokens only where they can end a statement: not
/// inside `(` `)` or `[` `]`, not after a token that cannot end an expression, and
/// not before a line that starts with `|>` or `.name` (a continued pipeline or chain).
struct Lexer {
    let file: SourceFile
    let bytes: [UInt8]
    var pos: Int
    let end: Int
    var tokens: [Token] = []
    /// Open brackets, innermost last: `(`, `[` or `{`.
    var brackets: [UInt8] = []

    init(file: SourceFile, start: Int = 0, end: Int? = nil) {
        self.file = file
        self.bytes = file.bytes
        self.pos = start
        self.end = end ?? file.bytes.count
    }

    /// Lexes the whole range.
    static func tokenize(_ file: SourceFile, start: Int = 0, end: Int? = nil) throws(Diagnostic) -> [Token] {
        var lexer = Lexer(file: file, start: start, end: end)
        try lexer.run()
        return lexer.tokens
    }

    private func span(_ s: Int, _ e: Int) -> Span { Span(file: file, start: s, end: e) }

    private func byte(_ i: Int) -> UInt8 { i < end ? bytes[i] : 0 }

    private func isIdentStart(_ b: UInt8) -> Bool {
        (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || b == 95 || b >= 0x80
    }

    private func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    private func isIdentChar(_ b: UInt8) -> Bool { isIdentStart(b) || isDigit(b) }

    mutating func run() throws(Diagnostic) {
        while true {
            skipSpacesAndComments()
            if pos >= end {
                if try blockCommentPending() { continue }
                break
            }
            let b = bytes[pos]
            if b == 10 {
                pos += 1
                emitNewline(at: pos - 1)
                continue
            }
            if try blockCommentPending() { continue }
            if isDigit(b) { try lexNumber(); continue }
            if isIdentStart(b) { lexIdentifier(); continue }
            if b == 34 { try lexString(); continue }
            try lexOperator()
        }
        if let last = tokens.last, last.kind == .newline { tokens.removeLast() }
        tokens.append(Token(kind: .eof, start: end, end: end))
    }

    private mutating func skipSpacesAndComments() {
        while pos < end {
            let b = bytes[pos]
            if b == 32 || b == 9 || b == 13 { pos += 1; continue }
            if b == 92, byte(pos + 1) == 10 { pos += 2; continue }   // backslash-newline joins lines
            if b == 35, byte(pos + 1) != 91 {                         // '#' but not '#['
                while pos < end, bytes[pos] != 10 { pos += 1 }
                continue
            }
            break
        }
    }

    /// Skips a `#[ ... ]#` comment if one starts here; returns whether it did.
    private mutating func blockCommentPending() throws(Diagnostic) -> Bool {
        guard pos < end, bytes[pos] == 35, byte(pos + 1) == 91 else { return false }
        let start = pos
        var depth = 0
        while pos < end {
            if bytes[pos] == 35, byte(pos + 1) == 91 { depth += 1; pos += 2; continue }
            if bytes[pos] == 93, byte(pos + 1) == 35 {
                depth -= 1; pos += 2
                if depth == 0 { return true }
                continue
            }
            pos += 1
        }
        var d = Diagnostic.syntax("unterminated block comment", at: span(start, start + 2),
                                  hint: "close it with `]#`")
        d.incompleteInput = true
        throw d
    }

    private mutating func emitNewline(at offset: Int) {
        if let open = brackets.last, open != 123 { return }
        guard let last = tokens.last else { return }
        if last.kind == .newline || last.kind == .leftBrace || last.kind == .semicolon { return }
        if last.kind.continuesLine { return }
        // A following line that starts with `|>` or `.name` continues this one.
        var p = pos
        while p < end {
            let c = bytes[p]
            if c == 32 || c == 9 || c == 13 || c == 10 { p += 1; continue }
            if c == 35, byte(p + 1) != 91 { while p < end, bytes[p] != 10 { p += 1 }; continue }
            break
        }
        if p + 1 < end {
            if bytes[p] == 124, bytes[p + 1] == 62 { return }
            if bytes[p] == 46, isIdentStart(bytes[p + 1]) { return }
        }
        tokens.append(Token(kind: .newline, start: offset, end: offset + 1))
    }

    private mutating func lexIdentifier() {
        let start = pos
        while pos < end, isIdentChar(bytes[pos]) { pos += 1 }
        let text = String(decoding: bytes[start..<pos], as: UTF8.self)
        if let kw = keywords[text] {
            tokens.append(Token(kind: kw, start: start, end: pos))
        } else {
            tokens.append(Token(kind: .identifier, start: start, end: pos, text: text))
        }
    }

    private mutating func lexNumber() throws(Diagnostic) {
        let start = pos
        var isFloat = false
        var digits = ""
        if bytes[pos] == 48, byte(pos + 1) == 120 || byte(pos + 1) == 88 {   // 0x
            pos += 2
            while pos < end, bytes[pos] == 95 || isHex(bytes[pos]) {
                if bytes[pos] != 95 { digits.append(Character(UnicodeScalar(bytes[pos]))) }
                pos += 1
            }
            if digits.isEmpty { throw .syntax("hexadecimal literal needs digits after `0x`", at: span(start, pos)) }
            if pos < end, isIdentChar(bytes[pos]) {
                while pos < end, isIdentChar(bytes[pos]) { pos += 1 }
                throw .syntax("invalid hexadecimal literal", at: span(start, pos))
            }
            guard let v = Int(digits, radix: 16) else {
                throw .syntax("integer literal is too large", at: span(start, pos),
                              hint: "integers are 64-bit: at most \(Int.max)")
            }
            tokens.append(Token(kind: .int, start: start, end: pos, intValue: v))
            return
        }
        func takeDigits(_ lexer: inout Lexer) {
            while lexer.pos < lexer.end, lexer.isDigit(lexer.bytes[lexer.pos]) || lexer.bytes[lexer.pos] == 95 {
                if lexer.bytes[lexer.pos] != 95 { digits.append(Character(UnicodeScalar(lexer.bytes[lexer.pos]))) }
                lexer.pos += 1
            }
        }
        takeDigits(&self)
        if pos < end, bytes[pos] == 46, isDigit(byte(pos + 1)) {
            isFloat = true
            digits.append(".")
            pos += 1
            takeDigits(&self)
        }
        if pos < end, bytes[pos] == 101 || bytes[pos] == 69 {
            let save = pos
            var exponent = "e"
            var p = pos + 1
            if byte(p) == 43 || byte(p) == 45 { exponent.append(Character(UnicodeScalar(byte(p)))); p += 1 }
            if isDigit(byte(p)) {
                while p < end, isDigit(bytes[p]) { exponent.append(Character(UnicodeScalar(bytes[p]))); p += 1 }
                pos = p
                digits += exponent
                isFloat = true
            } else {
                pos = save
            }
        }
        // A unit suffix or stray letters glued to the number.
        if pos < end, isIdentStart(bytes[pos]) {
            let suffixStart = pos
            while pos < end, isIdentChar(bytes[pos]) { pos += 1 }
            let suffix = String(decoding: bytes[suffixStart..<pos], as: UTF8.self)
            guard let factor = unitFactors[suffix] else {
                let known = unitFactors.keys.sorted().joined(separator: " ")
                var hint = "known units: \(known)"
                if let near = Suggestions.closest(to: suffix, in: unitFactors.keys) { hint = "did you mean `\(near)`? " + hint }
                throw .syntax("invalid number: unknown unit `\(suffix)`", at: span(start, pos), hint: hint)
            }
            guard let base = Double(digits), base.isFinite else {
                throw .syntax("invalid number", at: span(start, pos))
            }
            tokens.append(Token(kind: .float, start: start, end: pos, floatValue: applyUnit(base, power: factor)))
            return
        }
        if isFloat {
            guard let v = Double(digits), v.isFinite else {
                throw .syntax("number literal is too large", at: span(start, pos),
                              hint: "floats are 64-bit: at most about 1.8e308")
            }
            tokens.append(Token(kind: .float, start: start, end: pos, floatValue: v))
        } else {
            if digits == "9223372036854775808" {
                var t = Token(kind: .int, start: start, end: pos, intValue: Int.min)
                t.onlyNegated = true
                tokens.append(t)
                return
            }
            guard let v = Int(digits) else {
                throw .syntax("integer literal is too large", at: span(start, pos),
                              hint: "integers are 64-bit: at most \(Int.max); write a float such as \(digits.prefix(1)).0e\(digits.count - 1) for a bigger number")
            }
            tokens.append(Token(kind: .int, start: start, end: pos, intValue: v))
        }
    }

    private func isHex(_ b: UInt8) -> Bool { isDigit(b) || (b >= 97 && b <= 102) || (b >= 65 && b <= 70) }

    private mutating func lexString() throws(Diagnostic) {
        let start = pos
        pos += 1
        var parts: [StringPart] = []
        var buffer: [UInt8] = []
        func flush() {
            if !buffer.isEmpty { parts.append(.text(String(decoding: buffer, as: UTF8.self))); buffer.removeAll() }
        }
        while true {
            guard pos < end, bytes[pos] != 10 else {
                var d = Diagnostic.syntax("unterminated string", at: span(start, min(pos, start + 1)),
                                          hint: "close the string with `\"` on the same line")
                d.incompleteInput = false
                throw d
            }
            let b = bytes[pos]
            if b == 34 { pos += 1; break }
            if b == 92 {
                let escStart = pos
                pos += 1
                guard pos < end else { continue }
                let e = bytes[pos]
                pos += 1
                switch e {
                case 110: buffer.append(10)
                case 116: buffer.append(9)
                case 114: buffer.append(13)
                case 48: buffer.append(0)
                case 34, 92, 123, 125: buffer.append(e)
                case 117:
                    guard byte(pos) == 123 else {
                        throw .syntax("invalid unicode escape", at: span(escStart, pos), hint: "write it as \\u{1F600}")
                    }
                    var q = pos + 1
                    var hex = ""
                    while q < end, isHex(bytes[q]) { hex.append(Character(UnicodeScalar(bytes[q]))); q += 1 }
                    guard byte(q) == 125, !hex.isEmpty, hex.count <= 8, let code = UInt32(hex, radix: 16),
                          let scalar = UnicodeScalar(code) else {
                        throw .syntax("invalid unicode escape", at: span(escStart, q + 1), hint: "write it as \\u{1F600}")
                    }
                    buffer.append(contentsOf: Array(String(Character(scalar)).utf8))
                    pos = q + 1
                default:
                    throw .syntax("unknown escape sequence `\\\(Character(UnicodeScalar(e)))`", at: span(escStart, pos),
                                  hint: "escapes are \\n \\t \\r \\0 \\\" \\\\ \\{ \\} \\u{...}")
                }
                continue
            }
            if b == 123 {
                flush()
                let codeStart = pos + 1
                let codeEnd = try findInterpolationEnd(from: codeStart, stringStart: start)
                if String(decoding: bytes[codeStart..<codeEnd], as: UTF8.self).allSatisfy({ $0 == " " }) {
                    throw .syntax("empty interpolation `{}` in string", at: span(pos, codeEnd + 1),
                                  hint: "write `\\{` for a literal brace")
                }
                parts.append(.code(start: codeStart, end: codeEnd))
                pos = codeEnd + 1
                continue
            }
            buffer.append(b)
            pos += 1
        }
        flush()
        tokens.append(Token(kind: .string, start: start, end: pos, parts: parts))
    }

    /// The offset of the `}` that closes an interpolation starting at `from`.
    private func findInterpolationEnd(from: Int, stringStart: Int) throws(Diagnostic) -> Int {
        var depth = 0
        var p = from
        while p < end, bytes[p] != 10 {
            let c = bytes[p]
            if c == 34 {        // a string inside the interpolation
                p += 1
                while p < end, bytes[p] != 34, bytes[p] != 10 { if bytes[p] == 92 { p += 1 }; p += 1 }
                p += 1
                continue
            }
            if c == 123 { depth += 1 }
            if c == 125 {
                if depth == 0 { return p }
                depth -= 1
            }
            p += 1
        }
        throw .syntax("unterminated interpolation in string", at: span(from - 1, from),
                      hint: "close it with `}`, or write `\\{` for a literal brace")
    }

    private mutating func add(_ kind: TokenKind, _ length: Int) {
        tokens.append(Token(kind: kind, start: pos, end: pos + length))
        pos += length
    }

    private mutating func lexOperator() throws(Diagnostic) {
        let b = bytes[pos]
        let n = byte(pos + 1)
        switch b {
        case 40: brackets.append(40); add(.leftParen, 1)
        case 91: brackets.append(91); add(.leftBracket, 1)
        case 123: brackets.append(123); add(.leftBrace, 1)
        case 41, 93, 125:
            let expected: UInt8 = b == 41 ? 40 : (b == 93 ? 91 : 123)
            if let open = brackets.last, open == expected { brackets.removeLast() }
            else if !brackets.isEmpty {
                brackets.removeLast()
            }
            add(b == 41 ? .rightParen : (b == 93 ? .rightBracket : .rightBrace), 1)
        case 44: add(.comma, 1)
        case 58: add(.colon, 1)
        case 59: add(.semicolon, 1)
        case 64: add(.at, 1)
        case 94: add(.caret, 1)
        case 37: add(.percent, 1)
        case 46:
            if n == 46, byte(pos + 2) == 60 { add(.rangeExclusive, 3) }
            else if n == 46, byte(pos + 2) == 46 { add(.rangeInclusive, 3) }
            else if n == 46 {
                throw .syntax("`..` is not an operator", at: span(pos, pos + 2), hint: "write `a..<b` (excludes b) or `a...b` (includes b)")
            } else { add(.dot, 1) }
        case 43: n == 61 ? add(.plusEqual, 2) : add(.plus, 1)
        case 45: n == 61 ? add(.minusEqual, 2) : add(.minus, 1)
        case 42:
            if n == 42 {
                throw .syntax("`**` is not an operator", at: span(pos, pos + 2), hint: "powers are written `x^2`")
            }
            n == 61 ? add(.starEqual, 2) : add(.star, 1)
        case 47:
            if n == 47 { add(.slashSlash, 2) } else if n == 61 { add(.slashEqual, 2) } else { add(.slash, 1) }
        case 61: n == 61 ? add(.equalEqual, 2) : add(.equal, 1)
        case 33: n == 61 ? add(.bangEqual, 2) : add(.bang, 1)
        case 60: n == 61 ? add(.lessEqual, 2) : add(.less, 1)
        case 62: n == 61 ? add(.greaterEqual, 2) : add(.greater, 1)
        case 38:
            guard n == 38 else { throw .syntax("unexpected character `&`", at: span(pos, pos + 1), hint: "logical and is `and` or `&&`") }
            add(.ampAmp, 2)
        case 124:
            if n == 62 { add(.pipeForward, 2) } else if n == 124 { add(.pipePipe, 2) } else { add(.pipe, 1) }
        default:
            let scalarEnd = min(end, pos + max(1, utf8Length(b)))
            let ch = String(decoding: bytes[pos..<scalarEnd], as: UTF8.self)
            throw .syntax("unexpected character `\(ch)`", at: span(pos, scalarEnd))
        }
    }

    private func utf8Length(_ lead: UInt8) -> Int {
        if lead < 0x80 { return 1 }
        if lead >= 0xF0 { return 4 }
        if lead >= 0xE0 { return 3 }
        return 2
    }
}
