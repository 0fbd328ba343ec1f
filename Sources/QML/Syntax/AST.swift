/// The syntax tree. Nodes are classes so the resolver can annotate them in place
/// (which slot a name lives in, which variables a closure captures).
public class Node {
    public let span: Span
    init(span: Span) { self.span = span }
}

/// Any expression. Statements are expressions too (their value is nil), which keeps
/// blocks, `if` and `try` uniform.
public class Expr: Node {
    /// True when a `break`, `continue` or `return` may leave this expression (set by
    /// the resolver; lambdas stop the search).
    var mayUnwind = false
}

/// A variable, parameter or function declared somewhere, found by the resolver.
final class Binding {
    enum Storage { case local(Int), global(Int) }
    let name: String
    let mutable: Bool
    let storage: Storage
    let declaredAt: Span
    /// Set when an inner function refers to it: it then lives in a cell.
    var captured = false
    /// The function that declares it (nil for globals).
    weak var owner: FunctionInfo?

    init(name: String, mutable: Bool, storage: Storage, declaredAt: Span, owner: FunctionInfo?) {
        self.name = name
        self.mutable = mutable
        self.storage = storage
        self.declaredAt = declaredAt
        self.owner = owner
    }
}

/// Where a function finds each variable it captures from the enclosing function.
enum CaptureSource {
    /// A cell in the enclosing function's frame slot.
    case enclosingSlot(Int)
    /// One of the enclosing function's own captures.
    case enclosingCapture(Int)
}

/// What the resolver learns about one function (or the top level of a chunk).
final class FunctionInfo {
    let name: String
    /// Slot 0 holds the running closure; parameters follow.
    var frameSize = 1
    var captures: [(binding: Binding, source: CaptureSource)] = []
    weak var parent: FunctionInfo?

    init(name: String, parent: FunctionInfo?) {
        self.name = name
        self.parent = parent
    }

    func newSlot() -> Int {
        frameSize += 1
        return frameSize - 1
    }

    /// The index of `binding` among this function's captures, adding it if needed.
    func captureIndex(of binding: Binding, source: () -> CaptureSource) -> Int {
        if let i = captures.firstIndex(where: { $0.binding === binding }) { return i }
        captures.append((binding, source()))
        return captures.count - 1
    }
}

/// How a name reference reaches its variable at run time.
enum NameAccess {
    case unresolved
    case local(slot: Int, boxed: Binding)
    case capture(index: Int)
    case global(index: Int)
}

final class LiteralExpr: Expr {
    let value: Value
    init(_ value: Value, span: Span) { self.value = value; super.init(span: span) }
}

final class InterpolationExpr: Expr {
    enum Part { case text(String), code(Expr) }
    let parts: [Part]
    init(parts: [Part], span: Span) { self.parts = parts; super.init(span: span) }
}

final class NameExpr: Expr {
    let name: String
    var access: NameAccess = .unresolved
    var binding: Binding?
    init(_ name: String, span: Span) { self.name = name; super.init(span: span) }
}

final class ListExpr: Expr {
    let elements: [Expr]
    init(_ elements: [Expr], span: Span) { self.elements = elements; super.init(span: span) }
}

final class TupleExpr: Expr {
    let elements: [Expr]
    init(_ elements: [Expr], span: Span) { self.elements = elements; super.init(span: span) }
}

final class RecordExpr: Expr {
    enum Key { case name(String), expr(Expr) }
    let entries: [(key: Key, value: Expr, keySpan: Span)]
    init(_ entries: [(key: Key, value: Expr, keySpan: Span)], span: Span) { self.entries = entries; super.init(span: span) }
}

enum UnaryOp { case negate, not }

final class UnaryExpr: Expr {
    let op: UnaryOp
    let operand: Expr
    init(_ op: UnaryOp, _ operand: Expr, span: Span) { self.op = op; self.operand = operand; super.init(span: span) }
}

/// Binary operators evaluated on both operands.
enum BinaryOp: String {
    case add = "+", subtract = "-", multiply = "*", divide = "/", floorDivide = "//", modulo = "%"
    case power = "^", matmul = "@"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case contains = "in"
}

final class BinaryExpr: Expr {
    let op: BinaryOp
    let left: Expr
    let right: Expr
    let opSpan: Span
    init(_ op: BinaryOp, _ left: Expr, _ right: Expr, opSpan: Span, span: Span) {
        self.op = op; self.left = left; self.right = right; self.opSpan = opSpan; super.init(span: span)
    }
}

final class LogicalExpr: Expr {
    let isAnd: Bool
    let left: Expr
    let right: Expr
    init(isAnd: Bool, _ left: Expr, _ right: Expr, span: Span) {
        self.isAnd = isAnd; self.left = left; self.right = right; super.init(span: span)
    }
}

final class RangeExpr: Expr {
    let lower: Expr
    let upper: Expr
    let inclusive: Bool
    init(_ lower: Expr, _ upper: Expr, inclusive: Bool, span: Span) {
        self.lower = lower; self.upper = upper; self.inclusive = inclusive; super.init(span: span)
    }
}

/// One argument of a call: positional when `label` is nil.
struct Argument {
    let label: String?
    let labelSpan: Span?
    let value: Expr
}

final class CallExpr: Expr {
    let callee: Expr
    let arguments: [Argument]
    init(_ callee: Expr, _ arguments: [Argument], span: Span) {
        self.callee = callee; self.arguments = arguments; super.init(span: span)
    }
}

final class MemberExpr: Expr {
    let target: Expr
    let name: String
    let nameSpan: Span
    init(_ target: Expr, _ name: String, nameSpan: Span, span: Span) {
        self.target = target; self.name = name; self.nameSpan = nameSpan; super.init(span: span)
    }
}

final class IndexExpr: Expr {
    let target: Expr
    let index: Expr
    init(_ target: Expr, _ index: Expr, span: Span) { self.target = target; self.index = index; super.init(span: span) }
}

/// A parameter of a function: keyword-passable, with an optional default.
struct Parameter {
    let name: String
    let span: Span
    let defaultValue: Expr?
    var binding: Binding?
}

final class FunctionExpr: Expr {
    let name: String
    var parameters: [Parameter]
    let body: Expr
    var info: FunctionInfo?
    init(name: String, parameters: [Parameter], body: Expr, span: Span) {
        self.name = name; self.parameters = parameters; self.body = body; super.init(span: span)
    }
}

final class BlockExpr: Expr {
    let statements: [Expr]
    /// Bindings declared directly in this block that inner functions capture (cells are
    /// made for them each time the block is entered).
    var cellBindings: [Binding] = []
    init(_ statements: [Expr], span: Span) { self.statements = statements; super.init(span: span) }
}

final class IfExpr: Expr {
    let condition: Expr
    let thenBranch: Expr
    let elseBranch: Expr?
    init(_ condition: Expr, _ thenBranch: Expr, _ elseBranch: Expr?, span: Span) {
        self.condition = condition; self.thenBranch = thenBranch; self.elseBranch = elseBranch; super.init(span: span)
    }
}

final class WhileExpr: Expr {
    let condition: Expr
    let body: BlockExpr
    init(_ condition: Expr, _ body: BlockExpr, span: Span) { self.condition = condition; self.body = body; super.init(span: span) }
}

/// A destructuring pattern in `let`, `var` and `for`.
indirect enum Pattern {
    case name(String, Span)
    case wildcard(Span)
    case tuple([Pattern], Span)

    var span: Span {
        switch self {
        case .name(_, let s), .wildcard(let s), .tuple(_, let s): return s
        }
    }
}

/// Where a pattern's names were stored by the resolver, in pattern order.
typealias PatternBindings = [Binding]

final class ForExpr: Expr {
    let pattern: Pattern
    let iterable: Expr
    let body: BlockExpr
    var bindings: PatternBindings = []
    init(_ pattern: Pattern, _ iterable: Expr, _ body: BlockExpr, span: Span) {
        self.pattern = pattern; self.iterable = iterable; self.body = body; super.init(span: span)
    }
}

final class TryExpr: Expr {
    let body: BlockExpr
    let errorName: String?
    let errorSpan: Span?
    let handler: BlockExpr
    var errorBinding: Binding?
    init(_ body: BlockExpr, errorName: String?, errorSpan: Span?, _ handler: BlockExpr, span: Span) {
        self.body = body; self.errorName = errorName; self.errorSpan = errorSpan; self.handler = handler; super.init(span: span)
    }
}

final class LetStmt: Expr {
    let pattern: Pattern
    let mutable: Bool
    let value: Expr
    var bindings: PatternBindings = []
    init(_ pattern: Pattern, mutable: Bool, _ value: Expr, span: Span) {
        self.pattern = pattern; self.mutable = mutable; self.value = value; super.init(span: span)
    }
}

final class FunctionDecl: Expr {
    let function: FunctionExpr
    let nameSpan: Span
    var binding: Binding?
    init(_ function: FunctionExpr, nameSpan: Span, span: Span) { self.function = function; self.nameSpan = nameSpan; super.init(span: span) }
}

/// One step of an assignment target after the variable: `[index]` or `.field`.
enum PlaceStep {
    case index(Expr)
    case field(String, Span)
}

enum AssignOp { case set, add, subtract, multiply, divide }

final class AssignStmt: Expr {
    let root: NameExpr
    let path: [PlaceStep]
    let op: AssignOp
    let value: Expr
    init(root: NameExpr, path: [PlaceStep], op: AssignOp, value: Expr, span: Span) {
        self.root = root; self.path = path; self.op = op; self.value = value; super.init(span: span)
    }
}

/// A method call that may change the variable it is called on: `xs.append(v)`.
final class MutatingCallExpr: Expr {
    let root: NameExpr
    let path: [PlaceStep]
    let method: String
    let methodSpan: Span
    let arguments: [Argument]
    init(root: NameExpr, path: [PlaceStep], method: String, methodSpan: Span, arguments: [Argument], span: Span) {
        self.root = root; self.path = path; self.method = method; self.methodSpan = methodSpan
        self.arguments = arguments; super.init(span: span)
    }
}

final class ReturnStmt: Expr {
    let value: Expr?
    init(_ value: Expr?, span: Span) { self.value = value; super.init(span: span) }
}

final class BreakStmt: Expr {}
final class ContinueStmt: Expr {}

final class ImportStmt: Expr {
    let path: String
    var module: ModuleUnit?
    init(path: String, span: Span) { self.path = path; super.init(span: span) }
}

/// A parsed program: the statements of a file, a REPL input or an `-e` argument.
final class Chunk {
    let file: SourceFile
    let body: BlockExpr
    var info: FunctionInfo?
    init(file: SourceFile, body: BlockExpr) { self.file = file; self.body = body }
}
