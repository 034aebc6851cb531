#include "cli_docs.h"

#include <CLI/CLI.hpp>
#include <sstream>

namespace listlint::cli {
namespace {

// What the generators need of an option or a command, read from CLI11 once.
struct Opt {
  std::vector<std::string> names;  // "-q", "--quiet"
  std::string description;
  bool flag = false;
  bool positional = false;
  std::string value_name;           // FILE, TEXT, INT...
  std::vector<std::string> values;  // choices, from IsMember or the hints
  bool files = false;               // completes file names
};

struct Cmd {
  std::string name, description;
  std::vector<Opt> options;
  std::vector<Cmd> subcommands;
};

Cmd read(const CLI::App& app, const ValueHints& hints) {
  Cmd c;
  c.name = app.get_name();
  c.description = app.get_description();
  for (const CLI::Option* o : app.get_options()) {
    Opt x;
    for (const auto& s : o->get_snames()) x.names.push_back("-" + s);
    for (const auto& l : o->get_lnames()) x.names.push_back("--" + l);
    x.positional = o->get_positional();
    x.flag = !x.positional && o->get_items_expected_max() == 0;
    x.description = o->get_description();
    // "TEXT:{text,json,sarif,github}": the type, then IsMember's choices.
    const std::string type = o->get_type_name();
    x.value_name = type.substr(0, type.find(':'));
    if (const auto open = type.find('{'); open != std::string::npos) {
      std::stringstream ss(type.substr(open + 1, type.find('}', open) - open - 1));
      for (std::string v; std::getline(ss, v, ',');) x.values.push_back(v);
    }
    for (const auto& l : o->get_lnames())
      if (auto it = hints.find(l); it != hints.end()) x.values = it->second;
    if (x.positional)
      if (auto it = hints.find(o->get_name(true)); it != hints.end()) x.values = it->second;
    if (x.values.size() == 1 && x.values[0] == "<file>") {
      x.values.clear();
      x.files = true;
    }
    if (x.positional) {
      x.names = {o->get_name(true)};
      x.files = x.files || x.values.empty();  // PATH, FILE: file names
    }
    c.options.push_back(std::move(x));
  }
  for (const CLI::App* s : app.get_subcommands([](const CLI::App*) { return true; })) c.subcommands.push_back(read(*s, hints));
  return c;
}

std::string roff(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char ch = s[i];
    if (ch == '\\') out += "\\e";
    else if (ch == '-') out += "\\-";
    else if ((ch == '.' || ch == '\'') && (i == 0 || s[i - 1] == '\n')) out += "\\&" + std::string(1, ch);
    else out += ch;
  }
  return out;
}

void man_options(std::ostringstream& m, const Cmd& c) {
  for (const auto& o : c.options) {
    m << ".TP\n";
    if (o.positional) {
      m << "\\fI" << roff(o.names[0]) << "\\fR\n";
    } else {
      for (std::size_t i = 0; i < o.names.size(); ++i) m << (i ? ", " : "") << "\\fB" << roff(o.names[i]) << "\\fR";
      if (!o.flag) m << " \\fI" << roff(o.values.empty() ? o.value_name : "{" + [&] {
        std::string v;
        for (const auto& x : o.values) v += (v.empty() ? "" : ",") + x;
        return v;
      }() + "}") << "\\fR";
      m << "\n";
    }
    m << roff(o.description) << "\n";
  }
}

void man_command(std::ostringstream& m, const Cmd& c, const std::string& prefix) {
  const std::string full = prefix + " " + c.name;
  m << ".SS \"" << roff(full) << "\"\n" << roff(c.description) << "\n";
  man_options(m, c);
  for (const auto& s : c.subcommands) man_command(m, s, full);
}

std::string join(const std::vector<std::string>& v, const std::string& sep) {
  std::string out;
  for (const auto& x : v) out += (out.empty() ? "" : sep) + x;
  return out;
}

std::vector<std::string> long_and_short(const Cmd& c) {
  std::vector<std::string> out;
  for (const auto& o : c.options)
    if (!o.positional) out.insert(out.end(), o.names.begin(), o.names.end());
  return out;
}

// bash: one case per command path; values after an option that takes them; files for positionals.
void bash_command(std::ostringstream& b, const Cmd& c, const std::string& path) {
  b << "    \"" << path << "\")\n";
  b << "      case \"$prev\" in\n";
  for (const auto& o : c.options) {
    if (o.positional || o.flag) continue;
    b << "        " << join(o.names, "|") << ") ";
    if (!o.values.empty()) b << "COMPREPLY=($(compgen -W \"" << join(o.values, " ") << "\" -- \"$cur\")); return ;;\n";
    else if (o.files) b << "COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n";
    else b << "return ;;  # a value of its own\n";
  }
  b << "      esac\n";
  std::vector<std::string> words = long_and_short(c);
  for (const auto& s : c.subcommands) words.push_back(s.name);
  bool files = false, values = false;
  std::vector<std::string> positional_values;
  for (const auto& o : c.options)
    if (o.positional) {
      files = files || o.files;
      if (!o.values.empty()) {
        values = true;
        positional_values.insert(positional_values.end(), o.values.begin(), o.values.end());
      }
    }
  b << "      if [[ \"$cur\" == -* ]]; then COMPREPLY=($(compgen -W \"" << join(long_and_short(c), " ")
    << "\" -- \"$cur\"))\n";
  if (!c.subcommands.empty()) {
    std::vector<std::string> names;
    for (const auto& s : c.subcommands) names.push_back(s.name);
    b << "      else COMPREPLY=($(compgen -W \"" << join(names, " ") << "\" -- \"$cur\"))\n";
  } else if (values) {
    b << "      else COMPREPLY=($(compgen -W \"" << join(positional_values, " ") << "\" -- \"$cur\"))\n";
  } else if (files) {
    b << "      else COMPREPLY=($(compgen -f -- \"$cur\"))\n";
  }
  b << "      fi ;;\n";
  for (const auto& s : c.subcommands) bash_command(b, s, path.empty() ? s.name : path + " " + s.name);
}

std::string bash(const Cmd& root) {
  std::ostringstream b;
  b << "# bash completion for listlint (generated by `listlint completions bash`)\n"
    << "_listlint() {\n"
    << "  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\" path=\"\" i w\n"
    << "  # The command path so far: the words that name subcommands.\n"
    << "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
    << "    w=\"${COMP_WORDS[i]}\"\n"
    << "    case \"${path:+$path }$w\" in\n";
  std::vector<std::string> paths;
  std::function<void(const Cmd&, const std::string&)> collect = [&](const Cmd& c, const std::string& p) {
    for (const auto& s : c.subcommands) {
      const std::string sp = p.empty() ? s.name : p + " " + s.name;
      paths.push_back(sp);
      collect(s, sp);
    }
  };
  collect(root, "");
  b << "      " << [&] {
    std::string v;
    for (const auto& p : paths) v += (v.empty() ? "\"" : "|\"") + p + "\"";
    return v;
  }() << ") path=\"${path:+$path }$w\" ;;\n"
    << "    esac\n"
    << "  done\n"
    << "  COMPREPLY=()\n"
    << "  case \"$path\" in\n";
  bash_command(b, root, "");
  b << "  esac\n"
    << "}\n"
    << "complete -o filenames -F _listlint listlint\n";
  return b.str();
}

std::string zsh_quote(const std::string& s) {
  std::string out;
  for (char ch : s) {
    if (ch == '\'') out += "'\\''";
    else if (ch == '[' || ch == ']' || ch == ':') out += std::string("\\") + ch;
    else out += ch;
  }
  return out;
}

void zsh_command(std::ostringstream& z, const Cmd& c, const std::string& fn) {
  z << fn << "() {\n";
  if (!c.subcommands.empty()) {
    z << "  local -a commands\n  commands=(\n";
    for (const auto& s : c.subcommands) z << "    '" << s.name << ":" << zsh_quote(s.description) << "'\n";
    z << "  )\n";
  }
  z << "  _arguments -s -S \\\n";
  for (const auto& o : c.options) {
    if (o.positional) continue;
    for (const auto& n : o.names) {
      z << "    '" << n << "[" << zsh_quote(o.description) << "]";
      if (!o.flag) {
        z << ":" << zsh_quote(o.value_name.empty() ? "value" : o.value_name) << ":";
        if (!o.values.empty()) z << "(" << join(o.values, " ") << ")";
        else if (o.files) z << "_files";
        else z << " ";
      }
      z << "' \\\n";
    }
  }
  if (!c.subcommands.empty()) {
    z << "    '1: :->command' \\\n    '*:: :->args'\n";
    z << "  case $state in\n    command) _describe 'command' commands ;;\n    args)\n      case $words[1] in\n";
    for (const auto& s : c.subcommands) z << "        " << s.name << ") " << fn << "_" << s.name << " ;;\n";
    z << "      esac ;;\n  esac\n";
  } else {
    bool files = false;
    std::vector<std::string> values;
    for (const auto& o : c.options)
      if (o.positional) {
        files = files || o.files;
        values.insert(values.end(), o.values.begin(), o.values.end());
      }
    if (!values.empty()) z << "    '*:value:(" << join(values, " ") << ")'\n";
    else if (files) z << "    '*:file:_files'\n";
    else z << "    \n";
  }
  z << "}\n\n";
  for (const auto& s : c.subcommands) zsh_command(z, s, fn + "_" + s.name);
}

std::string zsh(const Cmd& root) {
  std::ostringstream z;
  z << "#compdef listlint\n# zsh completion for listlint (generated by `listlint completions zsh`)\n\n";
  zsh_command(z, root, "_listlint");
  z << "_listlint \"$@\"\n";
  return z.str();
}

std::string fish_quote(const std::string& s) {
  std::string out = "'";
  for (char ch : s) {
    if (ch == '\'' || ch == '\\') out += '\\';
    out += ch;
  }
  return out + "'";
}

void fish_command(std::ostringstream& f, const Cmd& c, const std::vector<std::string>& path,
                  const std::vector<std::string>& all_names) {
  // The condition: this command path was given (and, for the top level, no command yet).
  std::string cond;
  if (path.empty()) {
    cond = "__fish_use_subcommand";
  } else {
    cond = "__fish_seen_subcommand_from " + path.back();
    // Not inside one of its own subcommands.
    std::vector<std::string> subs;
    for (const auto& s : c.subcommands) subs.push_back(s.name);
    if (!subs.empty()) cond += "; and not __fish_seen_subcommand_from " + join(subs, " ");
  }
  for (const auto& s : c.subcommands)
    f << "complete -c listlint -n " << fish_quote(cond) << " -f -a " << s.name << " -d " << fish_quote(s.description)
      << "\n";
  bool files = false;
  std::vector<std::string> values;
  for (const auto& o : c.options) {
    if (o.positional) {
      files = files || o.files;
      values.insert(values.end(), o.values.begin(), o.values.end());
      continue;
    }
    f << "complete -c listlint -n " << fish_quote(cond);
    for (const auto& n : o.names) f << (n.rfind("--", 0) == 0 ? " -l " + n.substr(2) : " -s " + n.substr(1));
    if (!o.flag) {
      if (!o.values.empty()) f << " -x -a " << fish_quote(join(o.values, " "));
      else if (o.files) f << " -r -F";
      else f << " -r";
    }
    f << " -d " << fish_quote(o.description) << "\n";
  }
  if (!values.empty()) f << "complete -c listlint -n " << fish_quote(cond) << " -f -a " << fish_quote(join(values, " ")) << "\n";
  else if (files && !path.empty()) f << "complete -c listlint -n " << fish_quote(cond) << " -F\n";
  for (const auto& s : c.subcommands) {
    auto p = path;
    p.push_back(s.name);
    fish_command(f, s, p, all_names);
  }
}

std::string fish(const Cmd& root) {
  std::ostringstream f;
  f << "# fish completion for listlint (generated by `listlint completions fish`)\n"
    << "complete -c listlint -f\n";
  fish_command(f, root, {}, {});
  return f.str();
}

}  // namespace

std::string man_page(const CLI::App& app, const std::string& version) {
  const Cmd root = read(app, {});
  std::ostringstream m;
  m << ".\\\" Generated by `listlint man` from the same definitions as --help.\n"
    << ".TH LISTLINT 1 \"\" \"listlint " << roff(version) << "\" \"User Commands\"\n"
    << ".SH NAME\nlistlint \\- " << roff(root.description.substr(root.description.find(": ") + 2)) << "\n"
    << ".SH SYNOPSIS\n.B listlint\n[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR...]\n"
    << ".SH DESCRIPTION\n"
    << "listlint parses curated Markdown lists (\"awesome lists\": headings, bullet lists of links, GFM tables,\n"
    << "HTML details cards) into a typed model and checks it: typos, missing links, placeholder cells,\n"
    << "broken anchors, dead and moved URLs. \\fBlistlint check\\fR is the linter, \\fBlistlint links\\fR the\n"
    << "link-rot audit.\n"
    << ".SH OPTIONS\n";
  man_options(m, root);
  m << ".SH COMMANDS\n";
  for (const auto& s : root.subcommands) man_command(m, s, "listlint");
  m << ".SH EXIT STATUS\n"
    << ".TP\n0\nEvery file was checked and nothing failed.\n"
    << ".TP\n1\nFindings of severity error, or more warnings than \\-\\-max\\-warnings (check); dead links, or unknown ones with \\-\\-fail\\-on\\-unknown (links).\n"
    << ".TP\n2\nSomething could not be checked: a file missing, unreadable, binary or too large, a bad\n"
    << "configuration, a fix that could not be written, no network. One line on standard error names it.\n"
    << ".SH FILES\n"
    << ".TP\n\\&.listlint.json\nThe configuration, looked up from each file's folder up to the repository root.\n"
    << ".TP\n~/.cache/listlint/links.sqlite\nThe link checker's cache and history.\n"
    << ".TP\nlistlint\\-baseline.json\nA baseline (\\-\\-write\\-baseline, \\-\\-baseline): the findings recorded, one a line; paths\n"
    << "relative to its folder. Any name works; this one is the docs' example.\n"
    << ".TP\nshare/listlint/words.bin\nThe typo rule's word table, beside the installed bin/ folder.\n"
    << ".TP\nlib/listlint/listlint-net.so\nThe link checker (libcurl, SQLite), loaded only to check links.\n"
    << ".SH ENVIRONMENT\n"
    << ".TP\nLISTLINT_WORDS\nAnother word table for the typo rule.\n"
    << ".TP\nLISTLINT_NET_MODULE\nAnother build of the link checker's module.\n"
    << ".TP\nGITHUB_TOKEN, GH_TOKEN\nCheck GitHub repository links through the API (renames are found).\n"
    << ".SH EXAMPLES\n"
    << ".nf\nlistlint check README.md\nlistlint check \\-\\-fix README.md\n"
    << "listlint check \\-\\-format sarif . > listlint.sarif\n"
    << "listlint check \\-\\-write\\-baseline listlint\\-baseline.json .\n"
    << "listlint check \\-\\-baseline listlint\\-baseline.json \\-\\-changed\\-since origin/main .\n"
    << "listlint links \\-\\-format markdown README.md\n"
    << "listlint explain typo\n.fi\n"
    << ".SH SEE ALSO\nThe rule pages and guides in the docs/ folder of the source, and\n"
    << ".BR listlint\\ explain\\ ID .\n";
  return m.str();
}

std::string completion_script(const CLI::App& app, const std::string& shell, const ValueHints& hints) {
  const Cmd root = read(app, hints);
  if (shell == "bash") return bash(root);
  if (shell == "zsh") return zsh(root);
  if (shell == "fish") return fish(root);
  return "";
}

}  // namespace listlint::cli
