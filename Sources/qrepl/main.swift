import QML
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// qrepl's entry point: read the command line, then hand over to `Launcher`.

let invocation: Invocation
do {
    invocation = try InvocationParser.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
    Console.error("qrepl: \(error.message)\n" + Usage.hint)
    exit(2)
}

switch invocation.action {
case .help:
    Console.output(Usage.text)
    exit(0)
case .version:
    Console.output(Version.line + "\n")
    exit(0)
case .reference:
    var options = Interpreter.Options()
    options.loadPrelude = true
    Console.output(Interpreter(options: options).builtinReference())
    exit(0)
default:
    exit(Launcher.run(invocation))
}
