# an undefined name, with a suggestion
prnt("hello")
# expect error: 2:1: undefined name `prnt`
