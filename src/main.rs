fn main() -> std::process::ExitCode {
    znode::cli::main()
}
