"""The agreement wizard: one QWizardPage per step of :data:`kooperation_desktop.domain.wizard.STEPS`."""
