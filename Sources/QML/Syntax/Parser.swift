/// Methods that change the list or record they are called on, when called on a variable.
let mutatingMethods: Set<String> = ["append", "extend", "insert", "pop", "remove", "clear", "set"]

/// A recursive-descent parser from tokens to the syntax tree (grammar/qml.ebnf).
struct Parser {
    let file: SourceFile
    var tokens: [Token]
    var index = 0
    /// Nesting depth of expressions, to turn absurdly deep input into an error, not a crash.
    var depth = 0
    static let maxDepth = 256

    init(file: SourceFile, tokens: [Token]) {
        self.file = file
        self.tokens = tokens
    }

    /// Parses a whole program.
    static func parse(_ file: SourceFile) throws(Diagnostic) -> Chunk {
        let tokens = try Lexer.tokenize(file)
        var parser = Parser(file: file, tokens: tokens)
        let body = try parser.parseProgram()
        return Chunk(file: file, body: body)
    }

    // MARK: - Token helpers

    var current: Token { tokens[min(index, tokens.count - 1)] }
    var kind: TokenKind { current.kind }

    func peek(_ offset: Int) -> Token { tokens[min(index + offset, tokens.count - 1)] }

    func span(_ t: Token) -> Span { Span(file: file, start: t.start, end: t.end) }

    func span(from start: Int) -> Span {
        let previousEnd = index > 0 ? tokens[min(index - 1, tokens.count - 1)].end : start
        return Span(file: file, start: start, end: max(start, previousEnd))
    }

    @discardableResult
    mutating func advance() -> Token {
        let t = current
        if index < tokens.count - 1 { index += 1 }
        return t
    }

    mutating func match(_ k: TokenKind) -> Bool {
        if kind == k { advance(); return true }
        return false
    }

    func error(_ message: String, at token: Token? = nil, hint: String? = nil) -> Diagnostic {
        let t = token ?? current
        var d = Diagnostic.syntax(message, at: span(t), hint: hint)
        if t.kind == .eof { d.incompleteInput = true }
        return d
    }

    @discardableResult
    mutating func expect(_ k: TokenKind, _ what: String, hint: String? = nil) throws(Diagnostic) -> Token {
        guard kind == k else {
            throw error("expected \(what), found \(describe(current))", hint: hint)
        }
        return advance()
    }

    func describe(_ t: Token) -> String {
        switch t.kind {
        case .identifier: return "`\(t.text)`"
        case .int, .float: return "number `\(file.slice(t.start, t.end))`"
        case .string: return "a string"
        default: return t.kind.spelling
        }
    }

    mutating func skipNewlines() {
        while kind == .newline || kind == .semicolon { advance() }
    }

    /// Skips line breaks when the next real token is `k` (for `else` / `catch` on a new line).
    mutating func skipNewlines(before k: TokenKind) {
        var i = index
        while tokens[min(i, tokens.count - 1)].kind == .newline { i += 1 }
        if tokens[min(i, tokens.count - 1)].kind == k { index = min(i, tokens.count - 1) }
    }

    mutating func enter() throws(Diagnostic) {
        depth += 1
        if depth > Parser.maxDepth {
            throw error("expression is nested too deeply (more than \(Parser.maxDepth) levels)")
        }
    }

    // MARK: - Statements

    mutating func parseProgram() throws(Diagnostic) -> BlockExpr {
        let start = current.start
        var statements: [Expr] = []
        skipNewlines()
        while kind != .eof {
            statements.append(try parseStatement())
            if kind == .eof { break }
            guard kind == .newline || kind == .semicolon else {
                throw unexpectedAfterStatement()
            }
            skipNewlines()
        }
        return BlockExpr(statements, span: Span(file: file, start: start, end: file.bytes.count))
    }

    func unexpectedAfterStatement() -> Diagnostic {
        var hint: String? = "put each statement on its own line or separate them with `;`"
        if kind == .rightParen || kind == .rightBracket || kind == .rightBrace {
            hint = "this closing bracket has no matching opening bracket"
        }
        if kind == .less || kind == .greater || kind == .lessEqual || kind == .greaterEqual || kind == .equalEqual || kind == .bangEqual {
            return error("comparison chains are not allowed", hint: "write `a < b and b < c`")
        }
        return error("unexpected \(describe(current)) after the end of a statement", hint: hint)
    }

    mutating func parseStatement() throws(Diagnostic) -> Expr {
        switch kind {
        case .kwLet, .kwVar:
            let start = advance()
            let pattern = try parsePattern()
            try expect(.equal, "`=` after the name", hint: "a declaration needs a value: `let x = 1`")
            let value = try parseExpression()
            return LetStmt(pattern, mutable: start.kind == .kwVar, value, span: span(from: start.start))
        case .kwFn where peek(1).kind == .identifier:
            let start = advance()
            let nameToken = advance()
            let function = try parseFunctionRest(name: nameToken.text, start: start.start)
            return FunctionDecl(function, nameSpan: span(nameToken), span: span(from: start.start))
        case .kwReturn:
            let t = advance()
            if kind == .newline || kind == .semicolon || kind == .rightBrace || kind == .eof {
                return ReturnStmt(nil, span: span(t))
            }
            let value = try parseExpression()
            return ReturnStmt(value, span: span(from: t.start))
        case .kwBreak:
            return BreakStmt(span: span(advance()))
        case .kwContinue:
            return ContinueStmt(span: span(advance()))
        case .kwImport:
            let t = advance()
            guard kind == .string else { throw error("expected a file path string after `import`", hint: "import \"stdlib/plots.qml\"") }
            let s = advance()
            var path = ""
            for part in s.parts {
                guard case .text(let text) = part else {
                    throw error("an import path cannot use interpolation", at: s)
                }
                path += text
            }
            return ImportStmt(path: path, span: span(from: t.start))
        default:
            return try parseExpressionStatement()
        }
    }

    mutating func parseExpressionStatement() throws(Diagnostic) -> Expr {
        let start = current.start
        let expr = try parseExpression()
        let op: AssignOp?
        switch kind {
        case .equal: op = .set
        case .plusEqual: op = .add
        case .minusEqual: op = .subtract
        case .starEqual: op = .multiply
        case .slashEqual: op = .divide
        default: op = nil
        }
        guard let op else { return expr }
        let opToken = advance()
        guard let (root, path) = placePath(expr) else {
            throw Diagnostic.syntax("cannot assign to this expression", at: expr.span,
                                    hint: "the left side of `\(file.slice(opToken.start, opToken.end))` must be a variable, `x[i]` or `x.field`")
        }
        let value = try parseExpression()
        return AssignStmt(root: root, path: path, op: op, value: value, span: span(from: start))
    }

    /// Splits `a.b[i].c` into its root variable and the steps after it.
    func placePath(_ expr: Expr) -> (NameExpr, [PlaceStep])? {
        if let name = expr as? NameExpr { return (name, []) }
        if let member = expr as? MemberExpr, let (root, path) = placePath(member.target) {
            return (root, path + [.field(member.name, member.nameSpan)])
        }
        if let index = expr as? IndexExpr, let (root, path) = placePath(index.target) {
            return (root, path + [.index(index.index)])
        }
        return nil
    }

    mutating func parsePattern() throws(Diagnostic) -> Pattern {
        let t = current
        if t.kind == .identifier {
            advance()
            return t.text == "_" ? .wildcard(span(t)) : .name(t.text, span(t))
        }
        if t.kind == .leftParen {
            advance()
            var items: [Pattern] = []
            while kind != .rightParen {
                items.append(try parsePattern())
                if !match(.comma) { break }
            }
            try expect(.rightParen, "`)` to close the pattern")
            return .tuple(items, span(from: t.start))
        }
        if let word = keywords.first(where: { $0.value == t.kind })?.key {
            throw error("`\(word)` is a reserved word and cannot be used as a name")
        }
        throw error("expected a name or `(` in a declaration, found \(describe(t))")
    }

    /// Parses `(params) { body }` after `fn name`.
    mutating func parseFunctionRest(name: String, start: Int) throws(Diagnostic) -> FunctionExpr {
        try expect(.leftParen, "`(` after the function name")
        var params: [Parameter] = []
        var seen = Set<String>()
        var sawDefault = false
        while kind != .rightParen {
            let t = current
            guard t.kind == .identifier else {
                throw error("expected a parameter name, found \(describe(t))")
            }
            advance()
            if seen.contains(t.text) { throw error("duplicate parameter `\(t.text)`", at: t) }
            seen.insert(t.text)
            var defaultValue: Expr?
            if match(.colon) {
                defaultValue = try parseExpression()
                sawDefault = true
            } else if sawDefault {
                throw error("parameter `\(t.text)` needs a default because an earlier one has one", at: t,
                            hint: "put parameters without defaults first")
            }
            params.append(Parameter(name: t.text, span: span(t), defaultValue: defaultValue))
            if !match(.comma) { break }
        }
        try expect(.rightParen, "`)` to close the parameter list")
        guard kind == .leftBrace else { throw error("expected `{` to start the function body, found \(describe(current))") }
        let body = try parseBlock()
        return FunctionExpr(name: name, parameters: params, body: body, span: span(from: start))
    }

    mutating func parseBlock() throws(Diagnostic) -> BlockExpr {
        let open = try expect(.leftBrace, "`{`")
        var statements: [Expr] = []
        skipNewlines()
        while kind != .rightBrace {
            if kind == .eof {
                var d = Diagnostic.syntax("unclosed `{`", at: span(open), hint: "add `}` to close the block")
                d.incompleteInput = true
                throw d
            }
            statements.append(try parseStatement())
            if kind == .rightBrace { break }
            guard kind == .newline || kind == .semicolon else {
                if kind == .eof { continue }
                throw unexpectedAfterStatement()
            }
            skipNewlines()
        }
        advance()
        return BlockExpr(statements, span: span(from: open.start))
    }

    // MARK: - Expressions

    mutating func parseExpression() throws(Diagnostic) -> Expr {
        try enter()
        defer { depth -= 1 }
        return try parsePipe()
    }

    mutating func parsePipe() throws(Diagnostic) -> Expr {
        var left = try parseOr()
        while kind == .pipeForward {
            advance()
            let right = try parseOr()
            let whole = left.span.through(right.span)
            if let call = right as? CallExpr {
                let args = [Argument(label: nil, labelSpan: nil, value: left)] + call.arguments
                left = CallExpr(call.callee, args, span: whole)
            } else {
                left = CallExpr(right, [Argument(label: nil, labelSpan: nil, value: left)], span: whole)
            }
        }
        return left
    }

    mutating func parseOr() throws(Diagnostic) -> Expr {
        var left = try parseAnd()
        while kind == .kwOr || kind == .pipePipe {
            advance()
            let right = try parseAnd()
            left = LogicalExpr(isAnd: false, left, right, span: left.span.through(right.span))
        }
        return left
    }

    mutating func parseAnd() throws(Diagnostic) -> Expr {
        var left = try parseNot()
        while kind == .kwAnd || kind == .ampAmp {
            advance()
            let right = try parseNot()
            left = LogicalExpr(isAnd: true, left, right, span: left.span.through(right.span))
        }
        return left
    }

    mutating func parseNot() throws(Diagnostic) -> Expr {
        if kind == .kwNot || kind == .bang {
            let t = advance()
            try enter()
            defer { depth -= 1 }
            let operand = try parseNot()
            return UnaryExpr(.not, operand, span: span(t).through(operand.span))
        }
        return try parseComparison()
    }

    static let comparisonOps: [TokenKind: BinaryOp] = [
        .equalEqual: .equal, .bangEqual: .notEqual, .less: .less, .lessEqual: .lessEqual,
        .greater: .greater, .greaterEqual: .greaterEqual, .kwIn: .contains,
    ]

    mutating func parseComparison() throws(Diagnostic) -> Expr {
        let left = try parseRange()
        guard let op = Parser.comparisonOps[kind] else { return left }
        let opToken = advance()
        let right = try parseRange()
        if let next = Parser.comparisonOps[kind], next != .contains || op != .contains {
            throw error("comparison chains are not allowed", hint: "write `a < b and b < c`")
        }
        return BinaryExpr(op, left, right, opSpan: span(opToken), span: left.span.through(right.span))
    }

    mutating func parseRange() throws(Diagnostic) -> Expr {
        let left = try parseAdditive()
        guard kind == .rangeExclusive || kind == .rangeInclusive else { return left }
        let inclusive = advance().kind == .rangeInclusive
        let right = try parseAdditive()
        return RangeExpr(left, right, inclusive: inclusive, span: left.span.through(right.span))
    }

    mutating func parseAdditive() throws(Diagnostic) -> Expr {
        var left = try parseTerm()
        while kind == .plus || kind == .minus {
            let t = advance()
            let right = try parseTerm()
            left = BinaryExpr(t.kind == .plus ? .add : .subtract, left, right, opSpan: span(t), span: left.span.through(right.span))
        }
        return left
    }

    mutating func parseTerm() throws(Diagnostic) -> Expr {
        var left = try parseUnary()
        while true {
            let op: BinaryOp
            switch kind {
            case .star: op = .multiply
            case .slash: op = .divide
            case .slashSlash: op = .floorDivide
            case .percent: op = .modulo
            case .at: op = .matmul
            default: return left
            }
            let t = advance()
            let right = try parseUnary()
            left = BinaryExpr(op, left, right, opSpan: span(t), span: left.span.through(right.span))
        }
    }

    mutating func parseUnary() throws(Diagnostic) -> Expr {
        if kind == .minus, peek(1).kind == .int, peek(1).onlyNegated {
            let t = advance()
            let literal = advance()
            return LiteralExpr(.int(Int.min), span: span(t).through(span(literal)))
        }
        if kind == .minus {
            let t = advance()
            try enter()
            defer { depth -= 1 }
            let operand = try parseUnary()
            // Fold a negated number literal into a constant.
            if let lit = operand as? LiteralExpr {
                if case .int(let v) = lit.value, v != Int.min { return LiteralExpr(.int(-v), span: span(t).through(operand.span)) }
                if case .float(let v) = lit.value { return LiteralExpr(.float(-v), span: span(t).through(operand.span)) }
            }
            return UnaryExpr(.negate, operand, span: span(t).through(operand.span))
        }
        return try parsePower()
    }

    mutating func parsePower() throws(Diagnostic) -> Expr {
        let base = try parsePostfix()
        guard kind == .caret else { return base }
        let t = advance()
        try enter()
        defer { depth -= 1 }
        let exponent = try parseUnary()
        return BinaryExpr(.power, base, exponent, opSpan: span(t), span: base.span.through(exponent.span))
    }

    mutating func parsePostfix() throws(Diagnostic) -> Expr {
        var expr = try parsePrimary()
        while true {
            switch kind {
            case .leftParen:
                let args = try parseArguments()
                let whole = span(from: expr.span.start)
                if let member = expr as? MemberExpr, mutatingMethods.contains(member.name),
                   let (root, path) = placePath(member.target) {
                    expr = MutatingCallExpr(root: root, path: path, method: member.name, methodSpan: member.nameSpan,
                                            arguments: args, span: whole)
                } else {
                    expr = CallExpr(expr, args, span: whole)
                }
            case .leftBracket:
                advance()
                let index = try parseExpression()
                try expect(.rightBracket, "`]` to close the index")
                expr = IndexExpr(expr, index, span: span(from: expr.span.start))
            case .dot:
                advance()
                let t = current
                let name: String
                if t.kind == .identifier { name = t.text }
                else if let word = keywords.first(where: { $0.value == t.kind })?.key { name = word }
                else if t.kind == .int { name = String(t.intValue) }
                else { throw error("expected a member name after `.`, found \(describe(t))") }
                advance()
                expr = MemberExpr(expr, name, nameSpan: span(t), span: span(from: expr.span.start))
            default:
                return expr
            }
        }
    }

    mutating func parseArguments() throws(Diagnostic) -> [Argument] {
        let open = try expect(.leftParen, "`(`")
        var args: [Argument] = []
        var sawKeyword = false
        var labels = Set<String>()
        while kind != .rightParen {
            if kind == .eof {
                var d = Diagnostic.syntax("unclosed `(`", at: span(open), hint: "add `)` to close the call")
                d.incompleteInput = true
                throw d
            }
            if kind == .identifier, peek(1).kind == .colon {
                let label = advance()
                advance()
                if labels.contains(label.text) { throw error("keyword argument `\(label.text)` is given twice", at: label) }
                labels.insert(label.text)
                let value = try parseExpression()
                args.append(Argument(label: label.text, labelSpan: span(label), value: value))
                sawKeyword = true
            } else {
                let value = try parseExpression()
                if sawKeyword {
                    throw Diagnostic.syntax("positional argument after keyword arguments", at: value.span,
                                            hint: "put positional arguments first")
                }
                args.append(Argument(label: nil, labelSpan: nil, value: value))
            }
            if !match(.comma) { break }
        }
        if kind != .rightParen {
            if kind == .eof {
                var d = Diagnostic.syntax("unclosed `(`", at: span(open), hint: "add `)` to close the call")
                d.incompleteInput = true
                throw d
            }
            throw error("expected `,` or `)` in the argument list, found \(describe(current))")
        }
        advance()
        return args
    }

    mutating func parsePrimary() throws(Diagnostic) -> Expr {
        let t = current
        switch t.kind {
        case .int:
            if t.onlyNegated {
                throw error("integer literal is too large", hint: "integers are 64-bit: at most \(Int.max)")
            }
            advance(); return LiteralExpr(.int(t.intValue), span: span(t))
        case .float:
            advance(); return LiteralExpr(.float(t.floatValue), span: span(t))
        case .kwTrue:
            advance(); return LiteralExpr(.bool(true), span: span(t))
        case .kwFalse:
            advance(); return LiteralExpr(.bool(false), span: span(t))
        case .kwNil:
            advance(); return LiteralExpr(.null, span: span(t))
        case .string:
            advance(); return try stringExpr(t)
        case .identifier:
            advance(); return NameExpr(t.text, span: span(t))
        case .leftBracket:
            return try parseList()
        case .leftParen:
            return try parseParenthesized()
        case .leftBrace:
            return isRecordStart() ? try parseRecord() : try parseBlock()
        case .pipe, .pipePipe:
            return try parseLambda()
        case .kwIf:
            return try parseIf()
        case .kwWhile:
            advance()
            let condition = try parseExpression()
            let body = try parseBlock()
            return WhileExpr(condition, body, span: span(from: t.start))
        case .kwFor:
            advance()
            let pattern = try parsePattern()
            try expect(.kwIn, "`in` after the loop variable", hint: "for x in xs { ... }")
            let iterable = try parseExpression()
            let body = try parseBlock()
            return ForExpr(pattern, iterable, body, span: span(from: t.start))
        case .kwTry:
            advance()
            let body = try parseBlock()
            skipNewlines(before: .kwCatch)
            try expect(.kwCatch, "`catch` after the `try` block", hint: "try { ... } catch e { ... }")
            var name: String?
            var nameSpan: Span?
            if kind == .identifier { let n = advance(); name = n.text; nameSpan = span(n) }
            let handler = try parseBlock()
            return TryExpr(body, errorName: name, errorSpan: nameSpan, handler, span: span(from: t.start))
        case .kwFn:
            advance()
            return try parseFunctionRest(name: "<lambda>", start: t.start)
        case .eof:
            if index > 0 {
                let previous = tokens[index - 1]
                throw error("expected an expression after \(describe(previous)), found end of input", at: previous)
                    .markedIncomplete()
            }
            throw error("expected an expression, found end of input")
        case .newline:
            throw error("expected an expression before the end of the line")
        default:
            if let word = keywords.first(where: { $0.value == t.kind })?.key {
                throw error("expected an expression, found the keyword `\(word)`")
            }
            if t.kind == .rightParen || t.kind == .rightBracket || t.kind == .rightBrace {
                throw error("unexpected \(t.kind.spelling)", hint: "this closing bracket has no matching opening bracket")
            }
            throw error("expected an expression, found \(describe(t))")
        }
    }

    mutating func parseIf() throws(Diagnostic) -> Expr {
        let t = advance()
        let condition = try parseExpression()
        guard kind == .leftBrace else { throw error("expected `{` after the `if` condition, found \(describe(current))") }
        let thenBranch = try parseBlock()
        skipNewlines(before: .kwElse)
        var elseBranch: Expr?
        if match(.kwElse) {
            if kind == .kwIf { elseBranch = try parseIf() }
            else {
                guard kind == .leftBrace else { throw error("expected `{` or `if` after `else`, found \(describe(current))") }
                elseBranch = try parseBlock()
            }
        }
        return IfExpr(condition, thenBranch, elseBranch, span: span(from: t.start))
    }

    mutating func parseLambda() throws(Diagnostic) -> Expr {
        let t = advance()
        var params: [Parameter] = []
        if t.kind == .pipe {
            while kind != .pipe {
                let p = current
                guard p.kind == .identifier else { throw error("expected a parameter name in `|...|`, found \(describe(p))") }
                advance()
                var defaultValue: Expr?
                if match(.colon) { defaultValue = try parseOr() }
                params.append(Parameter(name: p.text, span: span(p), defaultValue: defaultValue))
                if !match(.comma) { break }
            }
            try expect(.pipe, "`|` to close the parameter list")
        }
        let body: Expr
        if kind == .leftBrace, !isRecordStart() { body = try parseBlock() } else { body = try parseExpression() }
        return FunctionExpr(name: "<lambda>", parameters: params, body: body, span: span(from: t.start))
    }

    mutating func parseList() throws(Diagnostic) -> Expr {
        let open = advance()
        var items: [Expr] = []
        while kind != .rightBracket {
            if kind == .eof {
                var d = Diagnostic.syntax("unclosed `[`", at: span(open), hint: "add `]` to close the list")
                d.incompleteInput = true
                throw d
            }
            items.append(try parseExpression())
            if !match(.comma) { break }
        }
        if kind != .rightBracket {
            if kind == .eof {
                var d = Diagnostic.syntax("unclosed `[`", at: span(open), hint: "add `]` to close the list")
                d.incompleteInput = true
                throw d
            }
            throw error("expected `,` or `]` in the list, found \(describe(current))")
        }
        advance()
        return ListExpr(items, span: span(from: open.start))
    }

    mutating func parseParenthesized() throws(Diagnostic) -> Expr {
        let open = advance()
        if match(.rightParen) { return TupleExpr([], span: span(from: open.start)) }
        if kind == .identifier, peek(1).kind == .colon { return try parseNamedTuple(open) }
        let first = try parseExpression()
        if match(.rightParen) { return first }
        guard kind == .comma else {
            if kind == .eof {
                var d = Diagnostic.syntax("unclosed `(`", at: span(open), hint: "add `)`")
                d.incompleteInput = true
                throw d
            }
            throw error("expected `)` or `,`, found \(describe(current))")
        }
        var items = [first]
        while match(.comma) {
            if kind == .rightParen { break }
            items.append(try parseExpression())
        }
        if kind == .eof {
            var d = Diagnostic.syntax("unclosed `(`", at: span(open), hint: "add `)`")
            d.incompleteInput = true
            throw d
        }
        try expect(.rightParen, "`)` to close the tuple")
        return TupleExpr(items, span: span(from: open.start))
    }

    /// `(name: value, ...)`, a record written with parentheses, as keyword-style option
    /// groups read naturally: `noise: (h: 0.05, J: 0.02)`.
    mutating func parseNamedTuple(_ open: Token) throws(Diagnostic) -> Expr {
        var entries: [(key: RecordExpr.Key, value: Expr, keySpan: Span)] = []
        skipNewlines()
        while kind != .rightParen {
            if kind == .eof {
                var d = Diagnostic.syntax("unclosed `(`", at: span(open), hint: "add `)`")
                d.incompleteInput = true
                throw d
            }
            let keyStart = current
            guard keyStart.kind == .identifier, peek(1).kind == .colon else {
                throw error("expected `name:` in the named tuple, found \(describe(current))",
                            hint: "named tuples are written (name: value, ...)")
            }
            advance()
            advance()
            skipNewlines()
            entries.append((.name(keyStart.text), try parseExpression(), span(from: keyStart.start)))
            skipNewlines()
            if !match(.comma) { break }
            skipNewlines()
        }
        if kind == .eof {
            var d = Diagnostic.syntax("unclosed `(`", at: span(open), hint: "add `)`")
            d.incompleteInput = true
            throw d
        }
        try expect(.rightParen, "`)` to close the named tuple")
        return RecordExpr(entries, span: span(from: open.start))
    }

    /// Whether the `{` at the cursor starts a record literal rather than a block.
    func isRecordStart() -> Bool {
        var i = index + 1
        while tokens[min(i, tokens.count - 1)].kind == .newline { i += 1 }
        let first = tokens[min(i, tokens.count - 1)]
        if first.kind == .rightBrace { return true }
        let second = tokens[min(i + 1, tokens.count - 1)]
        switch first.kind {
        case .identifier, .string, .int, .float, .kwTrue, .kwFalse, .kwNil:
            return second.kind == .colon
        case .minus:
            return (second.kind == .int || second.kind == .float) && tokens[min(i + 2, tokens.count - 1)].kind == .colon
        case .leftParen, .leftBracket:
            // scan to the matching bracket, then look for ':'
            var depth = 0
            var j = i
            while j < tokens.count {
                let k = tokens[j].kind
                if k == .leftParen || k == .leftBracket || k == .leftBrace { depth += 1 }
                if k == .rightParen || k == .rightBracket || k == .rightBrace {
                    depth -= 1
                    if depth == 0 { return tokens[min(j + 1, tokens.count - 1)].kind == .colon }
                }
                if k == .eof { return false }
                j += 1
            }
            return false
        default:
            return false
        }
    }

    mutating func parseRecord() throws(Diagnostic) -> Expr {
        let open = advance()
        var entries: [(key: RecordExpr.Key, value: Expr, keySpan: Span)] = []
        skipNewlines()
        while kind != .rightBrace {
            if kind == .eof {
                var d = Diagnostic.syntax("unclosed `{`", at: span(open), hint: "add `}` to close the record")
                d.incompleteInput = true
                throw d
            }
            let keyStart = current
            let key: RecordExpr.Key
            if keyStart.kind == .identifier, peek(1).kind == .colon {
                advance()
                key = .name(keyStart.text)
            } else {
                key = .expr(try parseOr())
            }
            let keySpan = span(from: keyStart.start)
            try expect(.colon, "`:` after the record key", hint: "records are written {key: value, ...}")
            skipNewlines()
            let value = try parseExpression()
            entries.append((key, value, keySpan))
            skipNewlines()
            if !match(.comma) { break }
            skipNewlines()
        }
        skipNewlines()
        if kind != .rightBrace {
            if kind == .eof {
                var d = Diagnostic.syntax("unclosed `{`", at: span(open), hint: "add `}` to close the record")
                d.incompleteInput = true
                throw d
            }
            throw error("expected `,` or `}` in the record, found \(describe(current))")
        }
        advance()
        return RecordExpr(entries, span: span(from: open.start))
    }

    /// Builds a string literal or interpolation from a string token.
    mutating func stringExpr(_ t: Token) throws(Diagnostic) -> Expr {
        var parts: [InterpolationExpr.Part] = []
        var hasCode = false
        for part in t.parts {
            switch part {
            case .text(let s): parts.append(.text(s))
            case .code(let start, let end):
                hasCode = true
                let tokens = try Lexer.tokenize(file, start: start, end: end)
                var sub = Parser(file: file, tokens: tokens)
                sub.depth = depth
                let expr = try sub.parseExpression()
                if sub.kind != .eof {
                    throw sub.error("unexpected \(sub.describe(sub.current)) in string interpolation")
                }
                parts.append(.code(expr))
            }
        }
        if !hasCode {
            var text = ""
            for case .text(let s) in parts { text += s }
            return LiteralExpr(.string(StringBox(text)), span: span(t))
        }
        return InterpolationExpr(parts: parts, span: span(t))
    }
}
