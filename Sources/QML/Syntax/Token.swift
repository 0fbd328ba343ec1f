/// The kinds of token the lexer produces.
public enum TokenKind: Equatable, Sendable {
    case int, float, string, identifier
    // keywords
    case kwLet, kwVar, kwFn, kwReturn, kwIf, kwElse, kwFor, kwIn, kwWhile, kwBreak, kwContinue
    case kwTrue, kwFalse, kwNil, kwImport, kwTry, kwCatch, kwAnd, kwOr, kwNot
    // punctuation
    case leftParen, rightParen, leftBracket, rightBracket, leftBrace, rightBrace
    case comma, dot, colon, semicolon, pipe, pipePipe, pipeForward
    case plus, minus, star, slash, slashSlash, percent, caret, at
    case equal, plusEqual, minusEqual, starEqual, slashEqual
    case equalEqual, bangEqual, less, lessEqual, greater, greaterEqual, bang, ampAmp
    case rangeExclusive, rangeInclusive
    case newline, eof
}

/// One piece of a string literal: literal text, or an interpolated expression given by
/// its byte range in the source.
public enum StringPart: Sendable {
    case text(String)
    case code(start: Int, end: Int)
}

/// A token with its byte range and, for literals, its value.
public struct Token: Sendable {
    public var kind: TokenKind
    public var start: Int
    public var end: Int
    public var intValue: Int = 0
    public var floatValue: Double = 0
    public var parts: [StringPart] = []
    /// For identifiers, the name.
    public var text: String = ""
    /// An integer literal of 9223372036854775808, valid only right after a minus sign
    /// (it is the magnitude of the smallest integer).
    public var onlyNegated = false
}

/// Keyword spellings.
let keywords: [String: TokenKind] = [
    "let": .kwLet, "var": .kwVar, "fn": .kwFn, "return": .kwReturn, "if": .kwIf, "else": .kwElse,
    "for": .kwFor, "in": .kwIn, "while": .kwWhile, "break": .kwBreak, "continue": .kwContinue,
    "true": .kwTrue, "false": .kwFalse, "nil": .kwNil, "import": .kwImport, "try": .kwTry,
    "catch": .kwCatch, "and": .kwAnd, "or": .kwOr, "not": .kwNot,
]

/// The words that cannot be used as names; the REPL completes them too.
public let reservedWords: [String] = keywords.keys.sorted()

/// Unit suffixes and the SI factor each stands for: a positive power of ten
/// multiplies, a negative one divides (so `5us` is exactly the float 5e-06).
let unitFactors: [String: Int] = [
    "ns": -9, "us": -6, "ms": -3, "s": 0,
    "mK": -3, "K": 0,
    "GHz": 9, "MHz": 6, "kHz": 3, "Hz": 0,
]

/// The SI value of `base` in a unit with the given power of ten.
func applyUnit(_ base: Double, power: Int) -> Double {
    var scale = 1.0
    for _ in 0..<abs(power) { scale *= 10 }
    return power < 0 ? base / scale : base * scale
}

extension TokenKind {
    /// True for tokens after which an expression cannot end, so a line break is ignored.
    var continuesLine: Bool {
        switch self {
        case .plus, .minus, .star, .slash, .slashSlash, .percent, .caret, .at,
             .equal, .plusEqual, .minusEqual, .starEqual, .slashEqual,
             .equalEqual, .bangEqual, .less, .lessEqual, .greater, .greaterEqual,
             .ampAmp, .pipePipe, .pipeForward, .kwAnd, .kwOr, .kwNot, .bang,
             .comma, .dot, .colon, .rangeExclusive, .rangeInclusive,
             .leftParen, .leftBracket, .kwIn:
            return true
        default:
            return false
        }
    }

    /// How the token is written, for messages.
    var spelling: String {
        switch self {
        case .int: return "integer"
        case .float: return "number"
        case .string: return "string"
        case .identifier: return "name"
        case .leftParen: return "`(`"
        case .rightParen: return "`)`"
        case .leftBracket: return "`[`"
        case .rightBracket: return "`]`"
        case .leftBrace: return "`{`"
        case .rightBrace: return "`}`"
        case .comma: return "`,`"
        case .dot: return "`.`"
        case .colon: return "`:`"
        case .semicolon: return "`;`"
        case .pipe: return "`|`"
        case .pipePipe: return "`||`"
        case .pipeForward: return "`|>`"
        case .plus: return "`+`"
        case .minus: return "`-`"
        case .star: return "`*`"
        case .slash: return "`/`"
        case .slashSlash: return "`//`"
        case .percent: return "`%`"
        case .caret: return "`^`"
        case .at: return "`@`"
        case .equal: return "`=`"
        case .plusEqual: return "`+=`"
        case .minusEqual: return "`-=`"
        case .starEqual: return "`*=`"
        case .slashEqual: return "`/=`"
        case .equalEqual: return "`==`"
        case .bangEqual: return "`!=`"
        case .less: return "`<`"
        case .lessEqual: return "`<=`"
        case .greater: return "`>`"
        case .greaterEqual: return "`>=`"
        case .bang: return "`!`"
        case .ampAmp: return "`&&`"
        case .rangeExclusive: return "`..<`"
        case .rangeInclusive: return "`...`"
        case .newline: return "end of line"
        case .eof: return "end of input"
        default:
            for (word, kind) in keywords where kind == self { return "`\(word)`" }
            return "token"
        }
    }
}
