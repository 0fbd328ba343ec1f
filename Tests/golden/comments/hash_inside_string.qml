# a # inside a string literal is text, not a comment
print("# not a comment")  # expect: # not a comment
