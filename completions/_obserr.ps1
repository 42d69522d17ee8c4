
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'obserr' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'obserr'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'obserr' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto uses it on a terminal unless NO_COLOR is set, CLICOLOR is 0 or TERM is dumb; CLICOLOR_FORCE forces it')
            [CompletionResult]::new('--paging', '--paging', [CompletionResultType]::ParameterName, 'When to page output through $OBSERR_PAGER, else $PAGER, else less -FRX: auto pages output taller than the terminal; --no-pager is --paging never')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (never coloured)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Explain error codes or HTTP statuses: meaning, causes, solution, retry advice')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List catalogued codes, optionally by status (403) or class (4xx), or by the documentation page that documents them')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Fuzzy search over codes, messages and solutions, best match first')
            [CompletionResult]::new('decode', 'decode', [CompletionResultType]::ParameterValue, 'Decode a pasted OBS error response into a diagnosis: what went wrong, why, what to do, whether to retry, and the ids support needs')
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Triage the errors in OBS logs: what failed, how often, since when, and what to do')
            [CompletionResult]::new('sigcheck', 'sigcheck', [CompletionResultType]::ParameterValue, 'Say exactly why a signature does not match (SignatureDoesNotMatch)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the shell completion script for bash, zsh, fish, powershell or elvish')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff), to install where man finds it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'obserr;explain' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto uses it on a terminal unless NO_COLOR is set, CLICOLOR is 0 or TERM is dumb; CLICOLOR_FORCE forces it')
            [CompletionResult]::new('--paging', '--paging', [CompletionResultType]::ParameterName, 'When to page output through $OBSERR_PAGER, else $PAGER, else less -FRX: auto pages output taller than the terminal; --no-pager is --paging never')
            [CompletionResult]::new('--open', '--open', [CompletionResultType]::ParameterName, 'Open the page that documents the code in the browser (OBSERR_OPENER names another command to run with its address) instead of explaining it')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (never coloured)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'obserr;list' {
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Only codes with this HTTP status (e.g. 403) or class (e.g. 4xx); a comma-separated list (403,404) or the option repeated gives codes of any of them')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only codes with this HTTP status (e.g. 403) or class (e.g. 4xx); a comma-separated list (403,404) or the option repeated gives codes of any of them')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Only codes documented in this page: obs_21_2002 (OBS Server-side Error Codes), api-ref (API Reference), s3api (S3-compatible API), swiftapi, a per-operation page, an SDK, obsutil, console or browser')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Only codes of this kind: server (in a server response), client (an SDK raised it without one), tool (obsutil, OBS Console, OBS Browser+) or sdk-status (an SDK''s name for a server''s HTTP status)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto uses it on a terminal unless NO_COLOR is set, CLICOLOR is 0 or TERM is dumb; CLICOLOR_FORCE forces it')
            [CompletionResult]::new('--paging', '--paging', [CompletionResultType]::ParameterName, 'When to page output through $OBSERR_PAGER, else $PAGER, else less -FRX: auto pages output taller than the terminal; --no-pager is --paging never')
            [CompletionResult]::new('--retryable', '--retryable', [CompletionResultType]::ParameterName, 'Only codes a client should retry')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (never coloured)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'obserr;search' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show at most this many results (at least 1)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Show at most this many results (at least 1)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto uses it on a terminal unless NO_COLOR is set, CLICOLOR is 0 or TERM is dumb; CLICOLOR_FORCE forces it')
            [CompletionResult]::new('--paging', '--paging', [CompletionResultType]::ParameterName, 'When to page output through $OBSERR_PAGER, else $PAGER, else less -FRX: auto pages output taller than the terminal; --no-pager is --paging never')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (never coloured)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'obserr;decode' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto uses it on a terminal unless NO_COLOR is set, CLICOLOR is 0 or TERM is dumb; CLICOLOR_FORCE forces it')
            [CompletionResult]::new('--paging', '--paging', [CompletionResultType]::ParameterName, 'When to page output through $OBSERR_PAGER, else $PAGER, else less -FRX: auto pages output taller than the terminal; --no-pager is --paging never')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show everything: the server''s message, every detail, how the input was read, every finding and every cause (the default shows the likely one)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show everything: the server''s message, every detail, how the input was read, every finding and every cause (the default shows the likely one)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (never coloured)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'obserr;scan' {
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Group errors by this instead of code and status')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only requests at or after this time: a UTC time (2026-11-26, 2026-11-26T08:00 or 2026-11-26T08:00:00Z) or a time ago (30m, 1h, 2d)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Only requests before this time (same forms as --since)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto uses it on a terminal unless NO_COLOR is set, CLICOLOR is 0 or TERM is dumb; CLICOLOR_FORCE forces it')
            [CompletionResult]::new('--paging', '--paging', [CompletionResultType]::ParameterName, 'When to page output through $OBSERR_PAGER, else $PAGER, else less -FRX: auto pages output taller than the terminal; --no-pager is --paging never')
            [CompletionResult]::new('--no-mmap', '--no-mmap', [CompletionResultType]::ParameterName, 'Read files with read() instead of mapping them into memory, which is slower but safe from a file truncated while it is scanned (see GUIDE.md)')
            [CompletionResult]::new('-L', '-L ', [CompletionResultType]::ParameterName, 'Follow symbolic links to directories inside the folders scanned (loops are skipped); without it they are skipped, as rg does')
            [CompletionResult]::new('--follow-links', '--follow-links', [CompletionResultType]::ParameterName, 'Follow symbolic links to directories inside the folders scanned (loops are skipped); without it they are skipped, as rg does')
            [CompletionResult]::new('--failed-objects', '--failed-objects', [CompletionResultType]::ParameterName, 'Print the objects of failed requests as obs://bucket/key, one a line, in first-seen order without repeats, instead of the summary')
            [CompletionResult]::new('--merge', '--merge', [CompletionResultType]::ParameterName, 'PATHs are `scan --json` reports of parts of a log: print the report of the whole, as one scan of all the parts would')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Keep reading the one FILE (or ''-'') as it grows, surviving rotation and truncation like tail -F; Ctrl-C prints the summary')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (never coloured)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'obserr;sigcheck' {
            [CompletionResult]::new('--secret-key-file', '--secret-key-file', [CompletionResultType]::ParameterName, 'Read the secret key from this file (one trailing line break is ignored)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto uses it on a terminal unless NO_COLOR is set, CLICOLOR is 0 or TERM is dumb; CLICOLOR_FORCE forces it')
            [CompletionResult]::new('--paging', '--paging', [CompletionResultType]::ParameterName, 'When to page output through $OBSERR_PAGER, else $PAGER, else less -FRX: auto pages output taller than the terminal; --no-pager is --paging never')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (never coloured)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'obserr;completions' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'obserr;man' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'obserr;help' {
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Explain error codes or HTTP statuses: meaning, causes, solution, retry advice')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List catalogued codes, optionally by status (403) or class (4xx), or by the documentation page that documents them')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Fuzzy search over codes, messages and solutions, best match first')
            [CompletionResult]::new('decode', 'decode', [CompletionResultType]::ParameterValue, 'Decode a pasted OBS error response into a diagnosis: what went wrong, why, what to do, whether to retry, and the ids support needs')
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Triage the errors in OBS logs: what failed, how often, since when, and what to do')
            [CompletionResult]::new('sigcheck', 'sigcheck', [CompletionResultType]::ParameterValue, 'Say exactly why a signature does not match (SignatureDoesNotMatch)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the shell completion script for bash, zsh, fish, powershell or elvish')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff), to install where man finds it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'obserr;help;explain' {
            break
        }
        'obserr;help;list' {
            break
        }
        'obserr;help;search' {
            break
        }
        'obserr;help;decode' {
            break
        }
        'obserr;help;scan' {
            break
        }
        'obserr;help;sigcheck' {
            break
        }
        'obserr;help;completions' {
            break
        }
        'obserr;help;man' {
            break
        }
        'obserr;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
