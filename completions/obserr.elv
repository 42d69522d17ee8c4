
use builtin;
use str;

set edit:completion:arg-completer[obserr] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'obserr'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'obserr'= {
            cand --color 'When to use colour: auto uses it on a terminal unless NO_COLOR is set, CLICOLOR is 0 or TERM is dumb; CLICOLOR_FORCE forces it'
            cand --paging 'When to page output through $OBSERR_PAGER, else $PAGER, else less -FRX: auto pages output taller than the terminal; --no-pager is --paging never'
            cand --json 'Print machine-readable JSON (never coloured)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand explain 'Explain error codes or HTTP statuses: meaning, causes, solution, retry advice'
            cand list 'List catalogued codes, optionally by status (403) or class (4xx), or by the documentation page that documents them'
            cand search 'Fuzzy search over codes, messages and solutions, best match first'
            cand decode 'Decode a pasted OBS error response into a diagnosis: what went wrong, why, what to do, whether to retry, and the ids support needs'
            cand scan 'Triage the errors in OBS logs: what failed, how often, since when, and what to do'
            cand sigcheck 'Say exactly why a signature does not match (SignatureDoesNotMatch)'
            cand completions 'Print the shell completion script for bash, zsh, fish, powershell or elvish'
            cand man 'Print the man page (roff), to install where man finds it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'obserr;explain'= {
            cand --color 'When to use colour: auto uses it on a terminal unless NO_COLOR is set, CLICOLOR is 0 or TERM is dumb; CLICOLOR_FORCE forces it'
            cand --paging 'When to page output through $OBSERR_PAGER, else $PAGER, else less -FRX: auto pages output taller than the terminal; --no-pager is --paging never'
            cand --open 'Open the page that documents the code in the browser (OBSERR_OPENER names another command to run with its address) instead of explaining it'
            cand --json 'Print machine-readable JSON (never coloured)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'obserr;list'= {
            cand -s 'Only codes with this HTTP status (e.g. 403) or class (e.g. 4xx); a comma-separated list (403,404) or the option repeated gives codes of any of them'
            cand --status 'Only codes with this HTTP status (e.g. 403) or class (e.g. 4xx); a comma-separated list (403,404) or the option repeated gives codes of any of them'
            cand --source 'Only codes documented in this page: obs_21_2002 (OBS Server-side Error Codes), api-ref (API Reference), s3api (S3-compatible API), swiftapi, a per-operation page, an SDK, obsutil, console or browser'
            cand --kind 'Only codes of this kind: server (in a server response), client (an SDK raised it without one), tool (obsutil, OBS Console, OBS Browser+) or sdk-status (an SDK''s name for a server''s HTTP status)'
            cand --color 'When to use colour: auto uses it on a terminal unless NO_COLOR is set, CLICOLOR is 0 or TERM is dumb; CLICOLOR_FORCE forces it'
            cand --paging 'When to page output through $OBSERR_PAGER, else $PAGER, else less -FRX: auto pages output taller than the terminal; --no-pager is --paging never'
            cand --retryable 'Only codes a client should retry'
            cand --json 'Print machine-readable JSON (never coloured)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'obserr;search'= {
            cand -n 'Show at most this many results (at least 1)'
            cand --limit 'Show at most this many results (at least 1)'
            cand --color 'When to use colour: auto uses it on a terminal unless NO_COLOR is set, CLICOLOR is 0 or TERM is dumb; CLICOLOR_FORCE forces it'
            cand --paging 'When to page output through $OBSERR_PAGER, else $PAGER, else less -FRX: auto pages output taller than the terminal; --no-pager is --paging never'
            cand --json 'Print machine-readable JSON (never coloured)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'obserr;decode'= {
            cand --color 'When to use colour: auto uses it on a terminal unless NO_COLOR is set, CLICOLOR is 0 or TERM is dumb; CLICOLOR_FORCE forces it'
            cand --paging 'When to page output through $OBSERR_PAGER, else $PAGER, else less -FRX: auto pages output taller than the terminal; --no-pager is --paging never'
            cand -v 'Show everything: the server''s message, every detail, how the input was read, every finding and every cause (the default shows the likely one)'
            cand --verbose 'Show everything: the server''s message, every detail, how the input was read, every finding and every cause (the default shows the likely one)'
            cand --json 'Print machine-readable JSON (never coloured)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'obserr;scan'= {
            cand --by 'Group errors by this instead of code and status'
            cand --since 'Only requests at or after this time: a UTC time (2026-11-26, 2026-11-26T08:00 or 2026-11-26T08:00:00Z) or a time ago (30m, 1h, 2d)'
            cand --until 'Only requests before this time (same forms as --since)'
            cand --color 'When to use colour: auto uses it on a terminal unless NO_COLOR is set, CLICOLOR is 0 or TERM is dumb; CLICOLOR_FORCE forces it'
            cand --paging 'When to page output through $OBSERR_PAGER, else $PAGER, else less -FRX: auto pages output taller than the terminal; --no-pager is --paging never'
            cand --no-mmap 'Read files with read() instead of mapping them into memory, which is slower but safe from a file truncated while it is scanned (see GUIDE.md)'
            cand -L 'Follow symbolic links to directories inside the folders scanned (loops are skipped); without it they are skipped, as rg does'
            cand --follow-links 'Follow symbolic links to directories inside the folders scanned (loops are skipped); without it they are skipped, as rg does'
            cand --failed-objects 'Print the objects of failed requests as obs://bucket/key, one a line, in first-seen order without repeats, instead of the summary'
            cand --merge 'PATHs are `scan --json` reports of parts of a log: print the report of the whole, as one scan of all the parts would'
            cand --follow 'Keep reading the one FILE (or ''-'') as it grows, surviving rotation and truncation like tail -F; Ctrl-C prints the summary'
            cand --json 'Print machine-readable JSON (never coloured)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'obserr;sigcheck'= {
            cand --secret-key-file 'Read the secret key from this file (one trailing line break is ignored)'
            cand --color 'When to use colour: auto uses it on a terminal unless NO_COLOR is set, CLICOLOR is 0 or TERM is dumb; CLICOLOR_FORCE forces it'
            cand --paging 'When to page output through $OBSERR_PAGER, else $PAGER, else less -FRX: auto pages output taller than the terminal; --no-pager is --paging never'
            cand --json 'Print machine-readable JSON (never coloured)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'obserr;completions'= {
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'obserr;man'= {
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'obserr;help'= {
            cand explain 'Explain error codes or HTTP statuses: meaning, causes, solution, retry advice'
            cand list 'List catalogued codes, optionally by status (403) or class (4xx), or by the documentation page that documents them'
            cand search 'Fuzzy search over codes, messages and solutions, best match first'
            cand decode 'Decode a pasted OBS error response into a diagnosis: what went wrong, why, what to do, whether to retry, and the ids support needs'
            cand scan 'Triage the errors in OBS logs: what failed, how often, since when, and what to do'
            cand sigcheck 'Say exactly why a signature does not match (SignatureDoesNotMatch)'
            cand completions 'Print the shell completion script for bash, zsh, fish, powershell or elvish'
            cand man 'Print the man page (roff), to install where man finds it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'obserr;help;explain'= {
        }
        &'obserr;help;list'= {
        }
        &'obserr;help;search'= {
        }
        &'obserr;help;decode'= {
        }
        &'obserr;help;scan'= {
        }
        &'obserr;help;sigcheck'= {
        }
        &'obserr;help;completions'= {
        }
        &'obserr;help;man'= {
        }
        &'obserr;help;help'= {
        }
    ]
    $completions[$command]
}
