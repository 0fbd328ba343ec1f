# + joins strings
print("foo" + "bar")  # expect: foobar
let name = "qubit"
print(name + "s")  # expect: qubits
