// Placeholder replaced by the database template setup (see tests/setup/README in docs).
export default function setup() {}
