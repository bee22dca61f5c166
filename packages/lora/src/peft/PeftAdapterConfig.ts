/** The fields of PEFT's `adapter_config.json` (LoraConfig) that prefopt writes and checks. */
export interface PeftAdapterConfig {
  peft_type: string;
  task_type?: string | null;
  r: number;
  lora_alpha: number;
  lora_dropout?: number;
  target_modules: string[] | string | null;
  bias?: string;
  fan_in_fan_out?: boolean;
  use_rslora?: boolean;
  use_dora?: boolean;
  modules_to_save?: string[] | null;
  layers_to_transform?: number[] | number | null;
  rank_pattern?: Record<string, number>;
  alpha_pattern?: Record<string, number>;
  base_model_name_or_path?: string | null;
  [key: string]: unknown;
}
