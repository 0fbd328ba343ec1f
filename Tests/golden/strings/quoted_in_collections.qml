# strings inside lists, tuples and records are shown quoted
print(["a", "b"])  # expect: ["a", "b"]
print(("x", 1))  # expect: ("x", 1)
print({name: "q"})  # expect: {name: "q"}
