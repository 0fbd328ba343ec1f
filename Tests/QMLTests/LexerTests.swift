import XCTest
@testable import QML

/// Unit tests of the lexer: token kinds, byte ranges, literal values, where line breaks
/// become statement separators, string parts, comments and the errors it reports.
final class LexerTests: XCTestCase {
    // MARK: - Helpers

    private func lex(_ text: String, name: String = "lex.qml") throws -> [Token] {
        try Lexer.tokenize(SourceFile(name: name, text: text))
    }

    private func kinds(_ text: String) throws -> [TokenKind] {
        try lex(text).map(\.kind)
    }

    /// The diagnostic thrown when lexing `text`, or nil (with a test failure) when none is.
    private func lexError(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Diagnostic? {
        do {
            let tokens = try lex(text)
            XCTFail("expected a lexing error, got \(tokens.count) tokens", file: file, line: line)
            return nil
        } catch let d as Diagnostic {
            return d
        } catch {
            XCTFail("expected a Diagnostic, got \(error)", file: file, line: line)
            return nil
        }
    }

    /// A readable form of string parts: `text:...` and `code:start-end`.
    private func describe(_ parts: [StringPart]) -> [String] {
        parts.map { part in
            switch part {
            case .text(let s): return "text:" + s
            case .code(let start, let end): return "code:\(start)-\(end)"
            }
        }
    }

    // MARK: - Operators and punctuation

    func testEveryOperatorHasItsKindAndExactByteRange() throws {
        let pieces: [(String, TokenKind)] = [
            ("(", .leftParen), (")", .rightParen), ("[", .leftBracket), ("]", .rightBracket),
            ("{", .leftBrace), ("}", .rightBrace), (",", .comma), (".", .dot), (":", .colon),
            (";", .semicolon), ("|", .pipe), ("||", .pipePipe), ("|>", .pipeForward),
            ("+", .plus), ("-", .minus), ("*", .star), ("/", .slash), ("//", .slashSlash),
            ("%", .percent), ("^", .caret), ("@", .at), ("=", .equal), ("+=", .plusEqual),
            ("-=", .minusEqual), ("*=", .starEqual), ("/=", .slashEqual), ("==", .equalEqual),
            ("!=", .bangEqual), ("<", .less), ("<=", .lessEqual), (">", .greater),
            (">=", .greaterEqual), ("!", .bang), ("&&", .ampAmp), ("..<", .rangeExclusive),
            ("...", .rangeInclusive),
        ]
        let line = pieces.map(\.0).joined(separator: " ")
        let tokens = try lex(line)
        XCTAssertEqual(tokens.count, pieces.count + 1)
        var offset = 0
        for (i, (text, kind)) in pieces.enumerated() where i < tokens.count {
            XCTAssertEqual(tokens[i].kind, kind, "token \(i) `\(text)`")
            XCTAssertEqual(tokens[i].start, offset, "start of `\(text)`")
            XCTAssertEqual(tokens[i].end, offset + text.utf8.count, "end of `\(text)`")
            offset += text.utf8.count + 1
        }
        let last = try XCTUnwrap(tokens.last)
        XCTAssertEqual(last.kind, .eof)
        XCTAssertEqual(last.start, line.utf8.count)
        XCTAssertEqual(last.end, line.utf8.count)
    }

    func testOperatorsWithoutSpacesSplitLongestFirst() throws {
        let tokens = try lex("a+=b//c|>d..<e...f")
        XCTAssertEqual(tokens.map(\.kind), [
            .identifier, .plusEqual, .identifier, .slashSlash, .identifier, .pipeForward,
            .identifier, .rangeExclusive, .identifier, .rangeInclusive, .identifier, .eof,
        ])
        XCTAssertEqual(tokens.map(\.start), [0, 1, 3, 4, 6, 7, 9, 10, 13, 14, 17, 18])
        XCTAssertEqual(tokens.map(\.end), [1, 3, 4, 6, 7, 9, 10, 13, 14, 17, 18, 18])
        XCTAssertEqual(tokens.filter { $0.kind == .identifier }.map(\.text), ["a", "b", "c", "d", "e", "f"])
    }

    func testRangesAfterIntegersAreNotFloats() throws {
        let tokens = try lex("1..<3 1...3")
        XCTAssertEqual(tokens.map(\.kind), [.int, .rangeExclusive, .int, .int, .rangeInclusive, .int, .eof])
        XCTAssertEqual(tokens.map(\.intValue).prefix(6), [1, 0, 3, 1, 0, 3])
        XCTAssertEqual(tokens[3].start, 6)
        XCTAssertEqual(tokens[4].start, 7)
        XCTAssertEqual(tokens[4].end, 10)
    }

    func testKeywordsAndIdentifiers() throws {
        let tokens = try lex("let var fn return if else for in while break continue true false nil import try catch and or not lets _x9 é")
        XCTAssertEqual(tokens.map(\.kind), [
            .kwLet, .kwVar, .kwFn, .kwReturn, .kwIf, .kwElse, .kwFor, .kwIn, .kwWhile, .kwBreak,
            .kwContinue, .kwTrue, .kwFalse, .kwNil, .kwImport, .kwTry, .kwCatch, .kwAnd, .kwOr,
            .kwNot, .identifier, .identifier, .identifier, .eof,
        ])
        XCTAssertEqual(tokens[20].text, "lets")
        XCTAssertEqual(tokens[21].text, "_x9")
        XCTAssertEqual(tokens[22].text, "é")
        // `é` is two UTF-8 bytes: ranges are in bytes, not characters.
        XCTAssertEqual(tokens[22].end - tokens[22].start, 2)
        XCTAssertEqual(tokens[23].start, tokens[22].end)
    }

    // MARK: - Numbers

    func testIntegerLiterals() throws {
        let tokens = try lex("0 42 1_000_000 0x1F 0XfF 0xdead_beef 9223372036854775807")
        XCTAssertEqual(tokens.map(\.kind), [.int, .int, .int, .int, .int, .int, .int, .eof])
        XCTAssertEqual(tokens.prefix(7).map(\.intValue), [0, 42, 1_000_000, 31, 255, 0xdead_beef, Int.max])
        XCTAssertEqual(tokens[2].start, 5)
        XCTAssertEqual(tokens[2].end, 14)
        XCTAssertEqual(tokens[5].start, 25)
        XCTAssertEqual(tokens[5].end, 36)
    }

    func testFloatLiterals() throws {
        let tokens = try lex("3.25 1e3 2.5E-3 6.02e+23 0.1 1_0.5")
        XCTAssertEqual(tokens.map(\.kind), [.float, .float, .float, .float, .float, .float, .eof])
        XCTAssertEqual(tokens.prefix(6).map(\.floatValue), [3.25, 1000.0, 0.0025, 6.02e23, 0.1, 10.5])
        XCTAssertEqual(tokens[2].start, 9)
        XCTAssertEqual(tokens[2].end, 15)
    }

    func testMemberAccessOnIntegerIsNotAFloat() throws {
        // `t.0` (tuple member) lexes as name, dot, integer.
        let tokens = try lex("t.0")
        XCTAssertEqual(tokens.map(\.kind), [.identifier, .dot, .int, .eof])
        XCTAssertEqual(tokens[2].intValue, 0)
    }

    func testUnitLiteralsGiveExactSIValues() throws {
        let tokens = try lex("5us 20ms 10mK 1.5GHz 3ns 2s 4K 7MHz 2kHz 50Hz 1e3ms")
        XCTAssertEqual(Set(tokens.dropLast().map(\.kind)), [.float])
        let values = tokens.dropLast().map(\.floatValue)
        XCTAssertEqual(values, [5e-06, 0.02, 0.01, 1.5e9, 3e-09, 2.0, 4.0, 7e6, 2000.0, 50.0, 1.0])
        // Bit-for-bit: 5us is the same double as the literal 5e-06.
        XCTAssertEqual(values[0].bitPattern, (5e-06).bitPattern)
        XCTAssertEqual(values[4].bitPattern, (3e-09).bitPattern)
        // The unit is part of the token's range.
        XCTAssertEqual(tokens[0].start, 0)
        XCTAssertEqual(tokens[0].end, 3)
        XCTAssertEqual(tokens[3].start, 14)
        XCTAssertEqual(tokens[3].end, 20)
    }

    // MARK: - Line breaks

    func testNewlineSeparatesStatementsAndTrailingOnesAreDropped() throws {
        let tokens = try lex("a\n\n\nb\n\n")
        XCTAssertEqual(tokens.map(\.kind), [.identifier, .newline, .identifier, .eof])
        XCTAssertEqual(tokens[1].start, 1)
        XCTAssertEqual(tokens[1].end, 2)
        XCTAssertEqual(tokens[3].start, 7)
    }

    func testNoNewlineInsideParenthesesOrBrackets() throws {
        XCTAssertEqual(try kinds("f(1,\n2\n)"), [.identifier, .leftParen, .int, .comma, .int, .rightParen, .eof])
        XCTAssertEqual(try kinds("[1\n,\n2\n]"), [.leftBracket, .int, .comma, .int, .rightBracket, .eof])
        XCTAssertEqual(try kinds("(a\n)\nb"), [.leftParen, .identifier, .rightParen, .newline, .identifier, .eof])
    }

    func testNoNewlineAfterATrailingOperator() throws {
        XCTAssertEqual(try kinds("1 +\n2"), [.int, .plus, .int, .eof])
        XCTAssertEqual(try kinds("x =\n3"), [.identifier, .equal, .int, .eof])
        XCTAssertEqual(try kinds("a and\nb"), [.identifier, .kwAnd, .identifier, .eof])
        XCTAssertEqual(try kinds("a ==  # comment\nb"), [.identifier, .equalEqual, .identifier, .eof])
        // A closing bracket or a name can end an expression, so the line break counts.
        XCTAssertEqual(try kinds("1\n+2"), [.int, .newline, .plus, .int, .eof])
    }

    func testNoNewlineBeforePipeOrMemberContinuation() throws {
        XCTAssertEqual(try kinds("xs\n  |> sort"), [.identifier, .pipeForward, .identifier, .eof])
        XCTAssertEqual(try kinds("g\n\n  .nodes"), [.identifier, .dot, .identifier, .eof])
        XCTAssertEqual(try kinds("xs  # note\n# another\n  |> f"), [.identifier, .pipeForward, .identifier, .eof])
        // `|` alone or a `.` not followed by a name does not continue the line.
        XCTAssertEqual(try kinds("a\n|x| x"), [.identifier, .newline, .pipe, .identifier, .pipe, .identifier, .eof])
        XCTAssertEqual(try kinds("a\n.5"), [.identifier, .newline, .dot, .int, .eof])
    }

    func testNewlinesInsideBracesSeparateStatements() throws {
        let tokens = try lex("{\na\nb\n}")
        XCTAssertEqual(tokens.map(\.kind), [.leftBrace, .identifier, .newline, .identifier, .newline, .rightBrace, .eof])
        XCTAssertEqual(tokens[2].start, 3)
        XCTAssertEqual(tokens[4].start, 5)
        // A block inside a call: the innermost bracket decides.
        XCTAssertEqual(try kinds("f({\na\n}\n)"), [
            .identifier, .leftParen, .leftBrace, .identifier, .newline, .rightBrace, .rightParen, .eof,
        ])
        // A list inside a block: no separator inside the list, one after it.
        XCTAssertEqual(try kinds("{[1,\n2]\nx}"), [
            .leftBrace, .leftBracket, .int, .comma, .int, .rightBracket, .newline, .identifier, .rightBrace, .eof,
        ])
    }

    func testBackslashJoinsLines() throws {
        XCTAssertEqual(try kinds("a \\\nb"), [.identifier, .identifier, .eof])
    }

    // MARK: - Strings

    func testStringEscapes() throws {
        let tokens = try lex(#""a\tb\n\"q\" \\ \{x\} \r\0 \u{48}\u{1F600}""#)
        XCTAssertEqual(tokens.map(\.kind), [.string, .eof])
        XCTAssertEqual(describe(tokens[0].parts), ["text:a\tb\n\"q\" \\ {x} \r\u{0} H\u{1F600}"])
        XCTAssertEqual(tokens[0].start, 0)
        XCTAssertEqual(tokens[0].end, 43)
    }

    func testEmptyStringHasNoParts() throws {
        let tokens = try lex(#"x = """#)
        XCTAssertEqual(tokens.map(\.kind), [.identifier, .equal, .string, .eof])
        XCTAssertTrue(tokens[2].parts.isEmpty)
        XCTAssertEqual(tokens[2].start, 4)
        XCTAssertEqual(tokens[2].end, 6)
    }

    func testInterpolationPartsPointAtTheExpressionText() throws {
        let text = #"print("n = {n + 1}, half = {n / 2}!")"#
        let file = SourceFile(name: "s.qml", text: text)
        let tokens = try Lexer.tokenize(file)
        XCTAssertEqual(tokens.map(\.kind), [.identifier, .leftParen, .string, .rightParen, .eof])
        let string = tokens[2]
        XCTAssertEqual(string.start, 6)
        XCTAssertEqual(string.end, 36)
        XCTAssertEqual(describe(string.parts), ["text:n = ", "code:12-17", "text:, half = ", "code:28-33", "text:!"])
        var codes: [String] = []
        for case .code(let start, let end) in string.parts { codes.append(file.slice(start, end)) }
        XCTAssertEqual(codes, ["n + 1", "n / 2"])
    }

    func testInterpolationMayContainBracesAndStrings() throws {
        let text = #""{ {a: 1}.a } {f("}")}""#
        let file = SourceFile(name: "s.qml", text: text)
        let tokens = try Lexer.tokenize(file)
        XCTAssertEqual(tokens.map(\.kind), [.string, .eof])
        var codes: [String] = []
        for case .code(let start, let end) in tokens[0].parts { codes.append(file.slice(start, end)) }
        XCTAssertEqual(codes, [" {a: 1}.a ", #"f("}")"#])
        XCTAssertEqual(describe(tokens[0].parts), ["code:2-12", "text: ", "code:15-21"])
    }

    // MARK: - Comments

    func testLineCommentsAreSkipped() throws {
        let tokens = try lex("a # all of this\nb")
        XCTAssertEqual(tokens.map(\.kind), [.identifier, .newline, .identifier, .eof])
        XCTAssertEqual(tokens[1].start, 15)
        XCTAssertEqual(tokens[2].start, 16)
    }

    func testBlockCommentsNest() throws {
        let tokens = try lex("#[ a #[ b ]# c ]# 42")
        XCTAssertEqual(tokens.map(\.kind), [.int, .eof])
        XCTAssertEqual(tokens[0].intValue, 42)
        XCTAssertEqual(tokens[0].start, 18)
        XCTAssertEqual(tokens[0].end, 20)
        // Between tokens and across lines.
        let spread = try lex("1 #[ one\n#[ two ]#\n]# + 2")
        XCTAssertEqual(spread.map(\.kind), [.int, .plus, .int, .eof])
        XCTAssertEqual(spread[1].start, 22)
    }

    // MARK: - Errors

    func testUnterminatedString() throws {
        let d = try XCTUnwrap(lexError("let s = \"abc\nx"))
        XCTAssertEqual(d.message, "unterminated string")
        XCTAssertEqual(d.phase, .compile)
        XCTAssertEqual(d.span?.start, 8)
        XCTAssertEqual(d.span?.end, 9)
        XCTAssertEqual(d.location, "lex.qml:1:9")
        XCTAssertFalse(d.incompleteInput)
        XCTAssertEqual(d.hint, "close the string with `\"` on the same line")
    }

    func testUnterminatedBlockCommentIsIncompleteInput() throws {
        let d = try XCTUnwrap(lexError("x = 1\ny #[ open #[ inner ]# still open"))
        XCTAssertEqual(d.message, "unterminated block comment")
        XCTAssertEqual(d.span?.start, 8)
        XCTAssertEqual(d.span?.end, 10)
        XCTAssertEqual(d.location, "lex.qml:2:3")
        XCTAssertTrue(d.incompleteInput)
    }

    func testUnknownUnitWithHint() throws {
        let d = try XCTUnwrap(lexError("t = 10mk"))
        XCTAssertEqual(d.message, "invalid number: unknown unit `mk`")
        XCTAssertEqual(d.span?.start, 4)
        XCTAssertEqual(d.span?.end, 8)
        XCTAssertEqual(d.hint, "did you mean `mK`? known units: GHz Hz K MHz kHz mK ms ns s us")
        XCTAssertFalse(d.incompleteInput)

        let far = try XCTUnwrap(lexError("5parsecs"))
        XCTAssertEqual(far.message, "invalid number: unknown unit `parsecs`")
        XCTAssertEqual(far.hint, "known units: GHz Hz K MHz kHz mK ms ns s us")
        XCTAssertEqual(far.span?.end, 8)
    }

    func testTooLargeLiterals() throws {
        let int = try XCTUnwrap(lexError("x = 9223372036854775809"))
        XCTAssertEqual(int.message, "integer literal is too large")
        XCTAssertEqual(int.span?.start, 4)
        XCTAssertEqual(int.span?.end, 23)
        XCTAssertEqual(int.location, "lex.qml:1:5")

        let hex = try XCTUnwrap(lexError("0x1_0000_0000_0000_0000"))
        XCTAssertEqual(hex.message, "integer literal is too large")
        XCTAssertEqual(hex.span?.end, 23)

        let float = try XCTUnwrap(lexError("y = 1e400"))
        XCTAssertEqual(float.message, "number literal is too large")
        XCTAssertEqual(float.span?.start, 4)
        XCTAssertEqual(float.span?.end, 9)
    }

    func testDoubleStarIsNotAnOperator() throws {
        let d = try XCTUnwrap(lexError("x = 2 ** 3"))
        XCTAssertEqual(d.message, "`**` is not an operator")
        XCTAssertEqual(d.span?.start, 6)
        XCTAssertEqual(d.span?.end, 8)
        XCTAssertEqual(d.hint, "powers are written `x^2`")
    }

    func testDoubleDotIsNotAnOperator() throws {
        let d = try XCTUnwrap(lexError("for i in 0..5 {}"))
        XCTAssertEqual(d.message, "`..` is not an operator")
        XCTAssertEqual(d.span?.start, 10)
        XCTAssertEqual(d.span?.end, 12)
        XCTAssertEqual(d.location, "lex.qml:1:11")
    }

    func testOtherLexicalErrors() throws {
        let amp = try XCTUnwrap(lexError("a & b"))
        XCTAssertEqual(amp.message, "unexpected character `&`")
        XCTAssertEqual(amp.span?.start, 2)

        let escape = try XCTUnwrap(lexError(#""a\qb""#))
        XCTAssertEqual(escape.message, "unknown escape sequence `\\q`")
        XCTAssertEqual(escape.span?.start, 2)
        XCTAssertEqual(escape.span?.end, 4)

        let empty = try XCTUnwrap(lexError(#""x{ }y""#))
        XCTAssertEqual(empty.message, "empty interpolation `{}` in string")
        XCTAssertEqual(empty.span?.start, 2)
        XCTAssertEqual(empty.span?.end, 5)

        let hex = try XCTUnwrap(lexError("0x"))
        XCTAssertEqual(hex.message, "hexadecimal literal needs digits after `0x`")

        let symbol = try XCTUnwrap(lexError("a\n  $"))
        XCTAssertEqual(symbol.message, "unexpected character `$`")
        XCTAssertEqual(symbol.span?.start, 4)
        XCTAssertEqual(symbol.span?.end, 5)
        XCTAssertEqual(symbol.location, "lex.qml:2:3")
    }
}
