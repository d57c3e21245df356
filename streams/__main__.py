from streams.ui.cli import main

main()
