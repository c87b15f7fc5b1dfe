"""Domain knowledge shared by readers and rules: licences, languages, accessibility,
attribution, vocabularies, vCard, the data files and text folding.  Knows no reader,
no rule and no report."""
