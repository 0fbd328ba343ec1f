# \" and \\ put a quote and a backslash in a string
print("say \"hi\"")  # expect: say "hi"
print("back\\slash")  # expect: back\slash
